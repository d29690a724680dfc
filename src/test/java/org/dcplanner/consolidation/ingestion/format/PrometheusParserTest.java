package org.dcplanner.consolidation.ingestion.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.source.TextLines;
import org.dcplanner.consolidation.problem.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A Prometheus range-query answer read as a stream: VM names from labels, units by file name, each refusal. */
class PrometheusParserTest {
    private final ParsedTraces out = new ParsedTraces(300, 1_000_000);

    @Test
    void aSeriesWithoutANameLabelIsNamedByItsOtherLabelsAndBytesBecomeKib() throws Exception {
        String disk = """
                {"status":"success","warnings":["w"],"data":{"resultType":"matrix","stats":{"x":1},"result":[
                 {"metric":{"__name__":"io","device":"sda","job":"node"},"extra":[1],"values":[[0,"2048"]]},
                 {"metric":{"vm":"","domain":"guest-1","name":"ignored"},"values":[[0,"1024"]]}]}}
                """;
        new PrometheusParser().parse("diskBytesPerSecond.prom.json", json(disk), out);

        assertThat(out.vmsByName()).extracting(VmTrace::name).containsExactly("guest-1", "{device=sda, job=node}");
        assertThat(out.vmsByName().get(1).slot(Metric.DISK, 0)).isEqualTo(2f);
        assertThat(out.vmsByName().get(0).slot(Metric.DISK, 0)).isEqualTo(1f);
    }

    @Test
    void cpuInCoresIsStoredAsCoresOfTheVm() throws Exception {
        String cpu = """
                {"status":"success","data":{"resultType":"matrix","result":[
                 {"metric":{"pod":"web-0"},"values":[[0,"1.5"]]}]}}
                """;
        new PrometheusParser().parse("cpuCores.json", json(cpu), out);
        assertThat(out.vmsByName().get(0).slot(Metric.CPU, 0)).isEqualTo(1.5f);
        assertThat(out.vmsByName().get(0).cpuIsPercent()).isFalse();
    }

    /** Each answer refused with its problem type, line and field; the answer is on one line unless it says \n. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an error status          | {"status":"error","data":{}}                                                            | prometheus-error     | status     | 1
            an instant query         | {"status":"success","data":{"resultType":"vector","result":[]}}                         | bad-value            | resultType | 1
            no series                | {"status":"success","data":{"resultType":"matrix","result":[]}}                         | empty-file           | result     | 1
            an array answer          | []                                                                                      | bad-json             | the answer object | 1
            data not an object       | {"data":[]}                                                                             | bad-json             | data       | 1
            result not an array      | {"data":{"result":{}}}                                                                  | bad-json             | result     | 1
            labels not an object     | {"data":{"result":[{"metric":"a"}]}}                                                    | bad-json             | metric     | 1
            values not an array      | {"data":{"result":[{"metric":{"vm":"a"},"values":{}}]}}                                 | bad-json             | values     | 1
            values before labels     | {"data":{"result":[{"values":[[0,"1"]],"metric":{"vm":"a"}}]}}                          | bad-value            | values     | 1
            a text time              | {"data":{"result":[{"metric":{"vm":"a"},\\n"values":[["0","1"]]}]}}                      | bad-timestamp        | values     | 2
            a triple                 | {"data":{"result":[{"metric":{"vm":"a"},"values":[[0,"1",2]]}]}}                        | bad-value            | values     | 1
            a negative value         | {"data":{"result":[{"metric":{"vm":"a"},"values":[[0,"-1"]]}]}}                         | negative             | values     | 1
            an infinite value        | {"data":{"result":[{"metric":{"vm":"a"},"values":[[0,"Infinity"]]}]}}                       | non-numeric          | values     | 1
            a word                   | {"data":{"result":[{"metric":{"vm":"a"},"values":[[0,"lots"]]}]}}                       | non-numeric          | values     | 1
            CPU above 100 %          | {"data":{"result":[{"metric":{"vm":"a"},"values":[[0,"100.5"]]}]}}                      | cpu-percent-above-100 | values    | 1
            """)
    void refusesWithTypeLineAndField(String what, String answer, String type, String field, long line) {
        String text = answer.replace("\\n", "\n");
        assertThatThrownBy(() -> new PrometheusParser().parse("cpuPercent.json", json(text), out))
                .as(what)
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.problem().getType().toString()).endsWith("/" + type);
                    assertThat(e.problem().getProperties())
                            .containsEntry("file", "cpuPercent.json")
                            .containsEntry("line", line)
                            .containsEntry("field", field);
                });
    }

    @Test
    void refusesBrokenJsonAndAVmNameLongerThan512Characters() {
        assertThatThrownBy(() -> new PrometheusParser().parse("memoryMib.json", json("{\"data\":\n{"), out))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.problem().getType().toString()).endsWith("/bad-json");
                    assertThat(e.problem().getDetail()).startsWith("Not valid JSON");
                });
        String longName = "{\"data\":{\"result\":[{\"metric\":{\"vm\":\"" + "x".repeat(513) + "\"}}]}}";
        assertThatThrownBy(() -> new PrometheusParser().parse("memoryMib.json", json(longName), out))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> assertThat(e.problem().getDetail()).contains("longer than 512"));
    }

    private static TextLines json(String text) {
        return new TextLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "f.json", 1 << 20);
    }

    @Test
    void aResourceFileStartingEarlierThanAnotherMovesTheVmsFirstStepBack() throws Exception {
        // CPU from step 1100 on, then memory from step 0: the CPU series moves 1100 steps on, past one storage chunk
        new PrometheusParser().parse("cpuMhz.json", json(oneSeries("a", 1100 * 300, "500")), out);
        new PrometheusParser().parse("memoryMib.json", json(oneSeries("a", 0, "2048")), out);
        VmTrace a = out.vmsByName().get(0);
        assertThat(a.extent()).isEqualTo(1101);
        assertThat(a.slot(Metric.CPU, 1100)).isEqualTo(500f);
        assertThat(a.slot(Metric.CPU, 0)).isNaN();
        assertThat(a.slot(Metric.MEMORY, 0)).isEqualTo(2048f);
        assertThat(a.slot(Metric.MEMORY, 1100)).isNaN();
    }

    private static String oneSeries(String vm, long seconds, String value) {
        return "{\"data\":{\"result\":[{\"metric\":{\"vm\":\"" + vm + "\"},\"values\":[[" + seconds + ",\"" + value
                + "\"]]}]}}";
    }
}
