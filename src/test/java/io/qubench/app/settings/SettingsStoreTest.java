package io.qubench.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.qubench.app.settings.WorkbenchSettings.Theme;
import io.qubench.app.settings.WorkbenchSettings.WindowBounds;

class SettingsStoreTest {

    @TempDir
    Path dataDir;

    @Test
    void savedSettingsReadBackEqual() {
        SettingsStore store = new SettingsStore(dataDir);
        WorkbenchSettings saved = WorkbenchSettings.defaults().withTheme(Theme.DARK)
                .withWindow(new WindowBounds(10, 20, 1300, 800, false)).withRecentFile("/a.qasm").withZoom(1.5);
        store.save(saved);
        assertThat(new SettingsStore(dataDir).load()).isEqualTo(saved);
    }

    @Test
    void noFileGivesTheDefaultsWithoutAProblem() {
        SettingsStore store = new SettingsStore(dataDir);
        assertThat(store.load()).isEqualTo(WorkbenchSettings.defaults());
        assertThat(store.loadProblem()).isEmpty();
    }

    @Test
    void anUnreadableFileIsKeptAsideAndTheDefaultsAreUsed() throws IOException {
        Files.writeString(dataDir.resolve(SettingsStore.FILE_NAME), "{\"theme\": \"DARK\", \"recentFiles\": [");
        SettingsStore store = new SettingsStore(dataDir);

        assertThat(store.load()).isEqualTo(WorkbenchSettings.defaults());
        assertThat(store.loadProblem()).get().asString().contains("settings.json").contains("not valid settings")
                .contains("settings.json.unreadable");
        assertThat(dataDir.resolve("settings.json.unreadable")).content().startsWith("{\"theme\": \"DARK\"");
    }

    @Test
    void fieldsItDoesNotKnowAreIgnored() throws IOException {
        Files.writeString(dataDir.resolve(SettingsStore.FILE_NAME), "{\"theme\":\"DARK\",\"fromTheFuture\":42}");
        assertThat(new SettingsStore(dataDir).load().theme()).isEqualTo(Theme.DARK);
    }

    @Test
    void recentFilesPutTheNewestFirstWithoutDuplicatesAndKeepTen() {
        WorkbenchSettings s = WorkbenchSettings.defaults();
        for (int i = 0; i < 12; i++) {
            s = s.withRecentFile("/f" + i + ".qasm");
        }
        s = s.withRecentFile("/f5.qasm");
        assertThat(s.recentFiles()).hasSize(10).startsWith("/f5.qasm", "/f11.qasm", "/f10.qasm")
                .doesNotHaveDuplicates().doesNotContain("/f0.qasm", "/f1.qasm");
        assertThat(s.withoutRecentFile("/f5.qasm").recentFiles()).hasSize(9).doesNotContain("/f5.qasm");
    }

    @Test
    void zoomStaysInItsRange() {
        assertThat(WorkbenchSettings.defaults().withZoom(100).zoom()).isEqualTo(4.0);
        assertThat(WorkbenchSettings.defaults().withZoom(0.01).zoom()).isEqualTo(0.25);
        assertThat(WorkbenchSettings.defaults().withZoom(0).zoom()).isEqualTo(1.0);
    }

    @Test
    void aFileWrittenByHandWithTooManyRecentFilesIsCut() {
        List<String> many = IntStream.range(0, 30).mapToObj(i -> "/x" + i).toList();
        assertThat(new WorkbenchSettings(null, null, many, 1).recentFiles()).hasSize(10);
    }
}
