package io.qubench.app;

import javafx.application.Application;

/**
 * Starts the JavaFX workbench. Kept apart from {@link QubenchApplication} because a main class
 * that extends {@code Application} fails on the classpath ("JavaFX runtime components are missing").
 */
public final class WorkbenchLauncher {

    private WorkbenchLauncher() {
    }

    public static void launch(String[] args) {
        Application.launch(QubenchApplication.class, args);
    }
}
