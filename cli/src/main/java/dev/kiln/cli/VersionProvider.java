package dev.kiln.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Reads the version Maven wrote into the jar. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        var props = new Properties();
        try (var in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new String[] {"kiln " + props.getProperty("version", "unknown")
                + " (Java " + Runtime.version() + ")"};
    }
}
