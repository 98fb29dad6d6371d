package io.qubench.app.settings;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What the workbench remembers between starts: theme, window bounds, recently opened files.
 * A plain value saved as JSON; fields a newer or older version wrote are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkbenchSettings(Theme theme, WindowBounds window, List<String> recentFiles, double zoom) {

    /** How many files "Open Recent" lists. */
    public static final int MAX_RECENT = 10;

    public enum Theme { LIGHT, DARK }

    /** The main window's position and size on screen. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    }

    public WorkbenchSettings {
        theme = theme == null ? Theme.LIGHT : theme;
        recentFiles = recentFiles == null ? List.of() : List.copyOf(recentFiles.stream().limit(MAX_RECENT).toList());
        zoom = zoom > 0 ? Math.min(4, Math.max(0.25, zoom)) : 1.0;
    }

    public static WorkbenchSettings defaults() {
        return new WorkbenchSettings(Theme.LIGHT, null, List.of(), 1.0);
    }

    public WorkbenchSettings withTheme(Theme newTheme) {
        return new WorkbenchSettings(newTheme, window, recentFiles, zoom);
    }

    public WorkbenchSettings withWindow(WindowBounds bounds) {
        return new WorkbenchSettings(theme, bounds, recentFiles, zoom);
    }

    public WorkbenchSettings withZoom(double newZoom) {
        return new WorkbenchSettings(theme, window, recentFiles, newZoom);
    }

    /** {@code file} first in the recent list, without duplicates, at most {@link #MAX_RECENT}. */
    public WorkbenchSettings withRecentFile(String file) {
        List<String> recent = new ArrayList<>(recentFiles);
        recent.remove(file);
        recent.addFirst(file);
        return new WorkbenchSettings(theme, window, recent, zoom);
    }

    public WorkbenchSettings withoutRecentFile(String file) {
        List<String> recent = new ArrayList<>(recentFiles);
        recent.remove(file);
        return new WorkbenchSettings(theme, window, recent, zoom);
    }
}
