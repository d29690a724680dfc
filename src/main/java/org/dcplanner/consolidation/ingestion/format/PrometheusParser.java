package org.dcplanner.consolidation.ingestion.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.internal.IngestProblems;
import org.dcplanner.consolidation.ingestion.source.TextLines;
import org.dcplanner.consolidation.ingestion.source.TraceSource;
import org.dcplanner.consolidation.problem.ApiException;

/**
 * Prometheus range-query results ({@code /api/v1/query_range} answers, {@code resultType} matrix), one file
 * per resource, read as a stream (Jackson). The file name before its first dot says the resource and unit
 * ({@link Resource}); each series is one VM, named by its first label of {@code vm}, {@code domain},
 * {@code name}, {@code pod}, {@code instance}, else by all its labels. Values are {@code [seconds, "text"]}
 * pairs; {@code NaN} is a missing value. Two series of one file naming the same VM are refused (aggregate the
 * query, e.g. {@code sum by (instance)}).
 */
public final class PrometheusParser implements TraceParser {
    private static final JsonFactory JSON = new JsonFactory();
    private static final String[] NAME_LABELS = {"vm", "domain", "name", "pod", "instance"};

    /** What a file's values are: resource, CPU unit and the factor to the stored unit. */
    public enum Resource {
        CPU_MHZ("cpuMhz", Metric.CPU, VmTrace.CpuUnit.MHZ, 1),
        CPU_PERCENT("cpuPercent", Metric.CPU, VmTrace.CpuUnit.PERCENT, 1),
        CPU_CORES("cpuCores", Metric.CPU, VmTrace.CpuUnit.CORES, 1),
        MEMORY_MIB("memoryMib", Metric.MEMORY, null, 1),
        MEMORY_BYTES("memoryBytes", Metric.MEMORY, null, 1.0 / (1 << 20)),
        DISK_KBPS("diskKBps", Metric.DISK, null, 1),
        DISK_BYTES_PER_SECOND("diskBytesPerSecond", Metric.DISK, null, 1.0 / 1024),
        NETWORK_KBPS("networkKBps", Metric.NETWORK, null, 1),
        NETWORK_BYTES_PER_SECOND("networkBytesPerSecond", Metric.NETWORK, null, 1.0 / 1024);

        public final String id;
        final Metric metric;
        final VmTrace.CpuUnit cpuUnit;
        final double factor;

        Resource(String id, Metric metric, VmTrace.CpuUnit cpuUnit, double factor) {
            this.id = id;
            this.metric = metric;
            this.cpuUnit = cpuUnit;
            this.factor = factor;
        }

        public static Resource fromId(String id) {
            for (Resource r : values()) {
                if (r.id.equalsIgnoreCase(id)) return r;
            }
            return null;
        }
    }

    @Override
    public void parse(String path, TextLines lines, ParsedTraces out) throws IOException {
        String base = TraceSource.baseName(path);
        int dot = base.indexOf('.');
        Resource resource = Resource.fromId(dot < 0 ? base : base.substring(0, dot));
        if (resource == null) {
            throw IngestProblems.invalid(
                    "bad-file-name",
                    "A Prometheus file is named for its resource: cpuMhz, cpuPercent,"
                            + " cpuCores, memoryMib, memoryBytes, diskKBps, diskBytesPerSecond, networkKBps or"
                            + " networkBytesPerSecond (then .json)",
                    path,
                    0,
                    null);
        }
        try (JsonParser p = JSON.createParser(lines.remainingBytes())) {
            new Reading(path, p, resource, out).document();
        } catch (JsonProcessingException e) {
            throw IngestProblems.invalid(
                    "bad-json",
                    "Not valid JSON: " + e.getOriginalMessage(),
                    path,
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    null);
        }
    }

    /** One file's streaming read. */
    private static final class Reading {
        private final String path;
        private final JsonParser p;
        private final Resource resource;
        private final ParsedTraces out;
        private final Set<String> vmsOfFile = new HashSet<>();
        private long series;

        Reading(String path, JsonParser p, Resource resource, ParsedTraces out) {
            this.path = path;
            this.p = p;
            this.resource = resource;
            this.out = out;
        }

        void document() throws IOException {
            expect(p.nextToken(), JsonToken.START_OBJECT, "the answer object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("status") && !"success".equals(p.getText())) {
                    throw error(
                            "prometheus-error", "The answer's status is '" + p.getText() + "', not success", "status");
                } else if (field.equals("data")) {
                    data(value);
                } else {
                    p.skipChildren();
                }
            }
            if (series == 0) throw error("empty-file", "The answer has no series", "result");
        }

        private void data(JsonToken start) throws IOException {
            expect(start, JsonToken.START_OBJECT, "data");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("resultType") && !"matrix".equals(p.getText())) {
                    throw error(
                            "bad-value",
                            "resultType is '" + p.getText() + "'; a range query (query_range) answers"
                                    + " with a matrix",
                            "resultType");
                } else if (field.equals("result")) {
                    expect(value, JsonToken.START_ARRAY, "result");
                    while (p.nextToken() == JsonToken.START_OBJECT) oneSeries();
                } else {
                    p.skipChildren();
                }
            }
        }

        private void oneSeries() throws IOException {
            VmTrace vm = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("metric")) {
                    vm = vm(labels(value));
                } else if (field.equals("values")) {
                    if (vm == null)
                        throw error("bad-value", "A series' values come before its metric labels", "values");
                    values(value, vm);
                } else {
                    p.skipChildren();
                }
            }
            series++;
        }

        private Map<String, String> labels(JsonToken start) throws IOException {
            expect(start, JsonToken.START_OBJECT, "metric");
            Map<String, String> labels = new TreeMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                labels.put(name, p.getText());
            }
            return labels;
        }

        private VmTrace vm(Map<String, String> labels) {
            String name = null;
            for (String l : NAME_LABELS) {
                if (name == null && labels.get(l) != null && !labels.get(l).isBlank()) name = labels.get(l);
            }
            if (name == null) {
                labels.remove("__name__");
                name = labels.toString();
            }
            if (name.length() > 512) throw error("bad-value", "A VM name is longer than 512 characters", "metric");
            if (!vmsOfFile.add(name)) {
                throw error(
                        "duplicate-vm",
                        "Two series name VM '" + name + "'; aggregate the query to one series per"
                                + " VM, e.g. sum by (instance) (...)",
                        "metric");
            }
            VmTrace vm = out.vmAcrossFiles(name, path, resource.cpuUnit == VmTrace.CpuUnit.PERCENT);
            if (resource.cpuUnit != null) vm.cpuUnit(resource.cpuUnit, path, line());
            return vm;
        }

        private void values(JsonToken start, VmTrace vm) throws IOException {
            expect(start, JsonToken.START_ARRAY, "values");
            while (p.nextToken() == JsonToken.START_ARRAY) {
                p.nextToken();
                if (!p.currentToken().isNumeric())
                    throw error("bad-timestamp", "A value's time is not a number", "values");
                long t = (long) Math.floor(p.getDoubleValue());
                p.nextToken();
                String text = p.getText();
                float v = text.equalsIgnoreCase("NaN") ? Float.NaN : value(text);
                if (resource.cpuUnit == VmTrace.CpuUnit.PERCENT && v > 100) {
                    throw error("cpu-percent-above-100", "CPU " + text + " % is above 100 %", "values");
                }
                if (p.nextToken() != JsonToken.END_ARRAY)
                    throw error("bad-value", "A value is not a [time, \"value\"] pair", "values");
                vm.addMetric(resource.metric, t, Float.isNaN(v) ? v : (float) (v * resource.factor), line());
                if (!Float.isNaN(v)) out.countSamples(1);
            }
        }

        private float value(String text) {
            try {
                double v = Double.parseDouble(text);
                if (v < 0 || Double.isInfinite(v)) {
                    throw error(
                            v < 0 ? "negative" : "non-numeric",
                            "'" + Fields.abbreviate(text) + "' is " + (v < 0 ? "negative" : "not finite"),
                            "values");
                }
                return (float) v;
            } catch (NumberFormatException e) {
                throw error("non-numeric", "'" + Fields.abbreviate(text) + "' is not a number", "values");
            }
        }

        private void expect(JsonToken actual, JsonToken wanted, String what) {
            if (actual != wanted) {
                throw error(
                        "bad-json",
                        what + " should start with " + (wanted == JsonToken.START_ARRAY ? "[" : "{")
                                + " (a Prometheus /api/v1/query_range answer)",
                        what);
            }
        }

        private long line() {
            return p.currentLocation().getLineNr();
        }

        private ApiException error(String type, String detail, String field) {
            return IngestProblems.invalid(type, detail, path, line(), field);
        }
    }
}
