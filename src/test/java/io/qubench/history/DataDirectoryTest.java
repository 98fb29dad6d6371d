package io.qubench.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

    @TempDir
    Path tmp;

    private final String savedHome = System.getProperty("user.home");

    @AfterEach
    void restoreProperties() {
        System.clearProperty(DataDirectory.PROPERTY);
        System.setProperty("user.home", savedHome);
    }

    @Test
    void defaultsToDotQubenchInTheHomeDirectoryAndCreatesIt() {
        System.setProperty("user.home", tmp.toString());
        DataDirectory d = DataDirectory.resolve(Optional.empty());
        assertThat(d.path()).isEqualTo(tmp.resolve(".qubench"));
        assertThat(d.path()).isDirectory();
    }

    @Test
    void theSystemPropertyOverridesTheDefault() {
        System.setProperty("user.home", tmp.resolve("home").toString());
        System.setProperty(DataDirectory.PROPERTY, tmp.resolve("from-property").toString());
        assertThat(DataDirectory.resolve(Optional.empty()).path()).isEqualTo(tmp.resolve("from-property"));
        assertThat(tmp.resolve("home")).doesNotExist();
    }

    @Test
    void anExplicitDirectoryOverridesTheSystemProperty() {
        System.setProperty(DataDirectory.PROPERTY, tmp.resolve("from-property").toString());
        Path explicit = tmp.resolve("a/b/explicit");
        assertThat(DataDirectory.resolve(Optional.of(explicit)).path()).isEqualTo(explicit).isDirectory();
        assertThat(tmp.resolve("from-property")).doesNotExist();
    }

    @Test
    void aRelativeDirectoryIsMadeAbsolute() {
        assertThat(new DataDirectory(Path.of("rel")).path()).isAbsolute();
    }

    @Test
    void aFileWhereTheDirectoryShouldBeIsRefusedByName() throws Exception {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> DataDirectory.create(file)).isInstanceOf(HistoryException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("is a file");
        assertThat(file).hasContent("mine");
    }

    @Test
    void aDirectoryThatCannotBeCreatedIsRefusedByName() throws Exception {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "mine");
        Path inside = file.resolve("qubench");
        assertThatThrownBy(() -> DataDirectory.create(inside)).isInstanceOf(HistoryException.class)
                .hasMessageContaining("Cannot create the data directory " + inside).hasMessageContaining("--data-dir");
    }

    @Test
    void theHistoryDatabaseLivesInsideTheDataDirectory() {
        DataDirectory d = DataDirectory.create(tmp);
        assertThat(d.historyDatabase().getParent()).isEqualTo(tmp);
    }
}
