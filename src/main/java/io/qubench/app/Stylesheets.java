package io.qubench.app;

import java.util.Objects;

/** Every stylesheet of the application, in one place. */
public final class Stylesheets {

    public static final String WORKBENCH = url("css/workbench.css");
    /** Laid over {@link #WORKBENCH} for the dark theme. */
    public static final String DARK = url("css/dark.css");

    private Stylesheets() {
    }

    private static String url(String relative) {
        return Objects.requireNonNull(Stylesheets.class.getResource(relative), relative).toExternalForm();
    }
}
