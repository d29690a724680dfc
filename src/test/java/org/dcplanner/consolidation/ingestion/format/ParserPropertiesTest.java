package org.dcplanner.consolidation.ingestion.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.problem.ApiException;

/**
 * Properties of the four parsers: arbitrary bytes (and valid files with one byte changed) end either in a
 * parsed trace or in a 4xx problem, never in another exception; generated valid files read back the values
 * written.
 */
class ParserPropertiesTest {
    private static final String BITBRAINS_HEADER = String.join(";\t", BitbrainsParser.COLUMNS);

    private interface Parse {
        void run(byte[] bytes) throws Exception;
    }

    private static final Map<String, Parse> PARSERS = Map.of(
            "planetlab",
                    b -> new PlanetLabParser("u").parse("vm", TraceText.of("vm", b), new ParsedTraces(300, 1_000_000)),
            "bitbrains",
                    b -> new BitbrainsParser()
                            .parse("1.csv", TraceText.of("1.csv", b), new ParsedTraces(300, 1_000_000)),
            "csv", b -> new LongCsvParser().parse("w.csv", TraceText.of("w.csv", b), new ParsedTraces(300, 1_000_000)),
            "inventory", b -> new InventoryParser().parse(TraceText.of("inv.csv", b)));

    /** Parsed, or refused with a client error: any other outcome is a bug that would surface as a 500. */
    private static void parsesOrRefuses(String parser, byte[] bytes) {
        try {
            PARSERS.get(parser).run(bytes);
        } catch (ApiException e) {
            assertThat(e.problem().getStatus()).as(e.getMessage()).isBetween(400, 499);
        } catch (Exception e) {
            throw new AssertionError(parser + " threw " + e + " on " + printable(bytes), e);
        }
    }

    @Property(tries = 300)
    void arbitraryBytesNeverEndInAnUncheckedError(
            @ForAll("parsers") String parser, @ForAll @Size(max = 600) byte[] bytes) {
        parsesOrRefuses(parser, bytes);
    }

    @Property(tries = 400)
    void aValidFileWithOneByteChangedNeverEndsInAnUncheckedError(
            @ForAll("parsers") String parser, @ForAll @IntRange(max = 10_000) int position, @ForAll byte replacement) {
        byte[] valid = validSample(parser).getBytes(StandardCharsets.UTF_8);
        valid[position % valid.length] = replacement;
        parsesOrRefuses(parser, valid);
    }

    @Provide
    Arbitrary<String> parsers() {
        return Arbitraries.of(PARSERS.keySet());
    }

    private static String validSample(String parser) {
        return switch (parser) {
            case "planetlab" -> "5\n17\n0\n100\n";
            case "bitbrains" ->
                BITBRAINS_HEADER + "\n1372629804;\t2;\t5200;\t1300;\t25;\t4194304;\t131419;\t0;\t7;\t1;\t2\n"
                        + "1372630104;\t2;\t5200;\t2600;\t50;\t4194304;\t111846;\t3;\t6;\t0;\t0\n";
            case "csv" -> "vm,timestamp,cpuMhz,memoryMib\nvm-1,2026-01-05T00:00:00Z,100,512\nvm-1,1767571500,120.5,\n";
            default ->
                "vm,cores,cpuMhz,memoryMib,guestOs,paravirtCapable,workloadClass,antiAffinityGroup\n"
                        + "vm-1,4,10400,16384,linux,yes,batch_io,g1\n";
        };
    }

    @Property(tries = 100)
    void planetLabRoundTrips(@ForAll @Size(min = 1, max = 300) List<@IntRange(max = 100) Integer> percents)
            throws Exception {
        StringBuilder text = new StringBuilder();
        for (int p : percents) text.append(p).append('\n');
        ParsedTraces out = new ParsedTraces(300, 1_000_000);
        new PlanetLabParser("u").parse("vm", TraceText.of("vm", text.toString()), out);
        VmTrace vm = out.vmsByName().get(0);
        assertThat(vm.rows()).isEqualTo(percents.size());
        for (int i = 0; i < percents.size(); i++)
            assertThat(vm.slot(Metric.CPU, i)).isEqualTo(percents.get(i).floatValue());
    }

    @Property(tries = 100)
    void bitbrainsRoundTrips(@ForAll("bitbrainsRows") List<double[]> rows) throws Exception {
        StringBuilder text = new StringBuilder(BITBRAINS_HEADER).append('\n');
        long t = 1_372_629_600L;
        for (double[] r : rows) { // capacity MHz, usage MHz, memory KB
            text.append(String.format(
                    Locale.ROOT,
                    "%d;\t4;\t%.3f;\t%.3f;\t%.6f;\t8388608;\t%.1f;\t1;\t2;\t3;\t4%n",
                    t,
                    r[0],
                    r[1],
                    100 * r[1] / r[0],
                    r[2]));
            t += 300;
        }
        ParsedTraces out = new ParsedTraces(300, 1_000_000);
        new BitbrainsParser().parse("7.csv", TraceText.of("7.csv", text.toString()), out);
        VmTrace vm = out.vmsByName().get(0);
        assertThat(vm.name()).isEqualTo("7");
        for (int i = 0; i < rows.size(); i++) {
            assertThat((double) vm.slot(Metric.CPU, i)).isCloseTo(rows.get(i)[1], within(rows.get(i)[1] * 1e-6 + 1e-3));
            assertThat((double) vm.slot(Metric.MEMORY, i)).isCloseTo(rows.get(i)[2] / 1024, within(1e-2));
            assertThat(vm.slot(Metric.DISK, i)).isEqualTo(3f);
            assertThat(vm.slot(Metric.NETWORK, i)).isEqualTo(7f);
        }
    }

    @Provide
    Arbitrary<List<double[]>> bitbrainsRows() {
        Arbitrary<double[]> row = Combinators.combine(
                        Arbitraries.doubles().between(100, 100_000).ofScale(3),
                        Arbitraries.doubles().between(0, 1).ofScale(4),
                        Arbitraries.doubles().between(0, 8_388_608).ofScale(1))
                .as((capacity, share, memoryKb) -> new double[] {capacity, capacity * share, memoryKb});
        return row.list().ofMinSize(1).ofMaxSize(50);
    }

    @Property(tries = 100)
    void genericCsvRoundTrips(@ForAll("series") Map<String, List<Double>> vms) throws Exception {
        StringBuilder text = new StringBuilder("vm,timestamp,cpuMhz,memoryMib\n");
        long start = 1_767_571_200L; // 2026-01-05T00:00:00Z
        for (var vm : vms.entrySet()) {
            for (int i = 0; i < vm.getValue().size(); i++) {
                text.append(vm.getKey())
                        .append(',')
                        .append(start + 300L * i)
                        .append(',')
                        .append(String.format(Locale.ROOT, "%.1f", vm.getValue().get(i)))
                        .append(",1024\n");
            }
        }
        ParsedTraces out = new ParsedTraces(300, 1_000_000);
        new LongCsvParser().parse("w.csv", TraceText.of("w.csv", text.toString()), out);
        assertThat(out.vmsByName()).hasSize(vms.size());
        for (VmTrace vm : out.vmsByName()) {
            List<Double> expected = vms.get(vm.name());
            assertThat(vm.rows()).isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertThat((double) vm.slot(Metric.CPU, i))
                        .isCloseTo(expected.get(i), within(expected.get(i) * 1e-6 + 0.01));
            }
        }
    }

    @Provide
    Arbitrary<Map<String, List<Double>>> series() {
        Arbitrary<String> names =
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8);
        Arbitrary<List<Double>> values = Arbitraries.doubles()
                .between(0, 100_000)
                .ofScale(1)
                .list()
                .ofMinSize(1)
                .ofMaxSize(40);
        return Arbitraries.maps(names, values).ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 100)
    void inventoryRoundTrips(@ForAll("inventoryRows") Map<String, int[]> rows) throws Exception {
        StringBuilder text = new StringBuilder("vm,cores,cpuMhz,memoryMib\n");
        rows.forEach((vm, r) -> text.append(vm)
                .append(',')
                .append(r[0])
                .append(',')
                .append(r[1])
                .append(',')
                .append(r[2])
                .append('\n'));
        Map<String, InventoryRow> parsed = new InventoryParser().parse(TraceText.of("inv.csv", text.toString()));
        assertThat(parsed.keySet()).containsExactlyElementsOf(rows.keySet());
        rows.forEach((vm, r) -> {
            InventoryRow row = parsed.get(vm);
            assertThat(row.cores()).isEqualTo(r[0]);
            assertThat(row.cpuMhz()).isEqualTo(r[1]);
            assertThat(row.memoryMib()).isEqualTo(r[2]);
        });
    }

    @Provide
    Arbitrary<Map<String, int[]>> inventoryRows() {
        Arbitrary<String> names = Arbitraries.strings()
                .withCharRange('a', 'z')
                .numeric()
                .ofMinLength(1)
                .ofMaxLength(12);
        Arbitrary<int[]> sizes = Combinators.combine(
                        Arbitraries.integers().between(1, 256),
                        Arbitraries.integers().between(1, 1_000_000),
                        Arbitraries.integers().between(1, 4_194_304))
                .as((cores, mhz, mib) -> new int[] {cores, mhz, mib});
        return Arbitraries.maps(names, sizes).ofMinSize(1).ofMaxSize(20).map(LinkedHashMap::new);
    }

    private static String printable(byte[] bytes) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < Math.min(bytes.length, 80); i++) shown.add(Integer.toString(bytes[i] & 0xff));
        return "bytes[" + bytes.length + "] " + String.join(",", shown);
    }
}
