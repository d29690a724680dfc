package org.dcplanner.consolidation.ingestion.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.dcplanner.consolidation.ingestion.internal.WorkloadFormat;
import org.junit.jupiter.api.Test;

class FormatDetectorTest {
    @Test
    void recognizesEachFormatFromItsFirstLine() {
        assertThat(FormatDetector.detect("17")).contains(WorkloadFormat.PLANETLAB);
        assertThat(FormatDetector.detect("Timestamp [ms];\tCPU cores;\t...")).contains(WorkloadFormat.BITBRAINS);
        assertThat(FormatDetector.detect("vm,timestamp,cpuMhz")).contains(WorkloadFormat.CSV);
        assertThat(FormatDetector.detect("vm;timestamp;cpuMhz")).contains(WorkloadFormat.CSV);
        assertThat(FormatDetector.detect("hello world")).isEmpty();
    }
}
