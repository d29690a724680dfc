package org.dcplanner.consolidation.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresConfigTest {

    @TempDir
    Path tmp;

    @Test
    void createsAMissingDataDirectory() {
        Path dir = tmp.resolve("data/postgres");

        assertThat(EmbeddedPostgresConfig.writableDataDir(dir)).isEqualTo(dir.toAbsolutePath());
        assertThat(dir).isDirectory();
    }

    @Test
    void unusableDataDirectoryNamesItAndTheSettingsThatFixIt() throws IOException {
        Path blocker = Files.writeString(tmp.resolve("data"), "a file where the directory should be");
        Path dir = blocker.resolve("postgres");

        assertThatThrownBy(() -> EmbeddedPostgresConfig.writableDataDir(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(dir.toAbsolutePath().toString())
                .hasMessageContaining("EMBEDDED_DB_DIR")
                .hasMessageContaining("SPRING_DATASOURCE_URL");
    }
}
