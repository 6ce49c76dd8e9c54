package org.vigil.agent.cli;

import picocli.CommandLine;

/** Reads the version from the jar manifest, so that {@code --version} never drifts from the pom. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = VigilCommand.class.getPackage().getImplementationVersion();
        return new String[] {"vigil " + (version == null ? "(development build)" : version),
            "Java " + Runtime.version() + " on " + System.getProperty("os.name") + " " + System.getProperty("os.arch")};
    }
}
