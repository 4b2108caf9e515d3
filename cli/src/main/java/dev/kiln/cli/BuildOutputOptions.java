package dev.kiln.cli;

import dev.kiln.image.Descriptor;
import dev.kiln.image.Digest;
import dev.kiln.store.Store;
import dev.kiln.transport.BuildOutputFiles;
import dev.kiln.transport.ExportResult;
import dev.kiln.transport.Exporters;
import dev.kiln.transport.OutputSpec;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code kiln build}'s output flags, as a picocli mixin: {@code -o/--output} (BuildKit syntax),
 * {@code --iidfile} and {@code --metadata-file}. The build command calls {@link #export} with its
 * result.
 */
public final class BuildOutputOptions {
    @Option(names = {"-o", "--output"}, paramLabel = "SPEC",
            description = "Output destination: type=image|oci|docker|local|tar[,dest=PATH][,tar=false][,name=NAME]; "
                    + "a bare PATH is type=local,dest=PATH; '-' is a tar of the files on standard output. "
                    + "Default: the local store, under the -t names. Repeatable.")
    List<String> outputs = new ArrayList<>();

    @Option(names = "--iidfile", paramLabel = "FILE", description = "Write the image ID (config digest) to the file.")
    Path iidFile;

    @Option(names = "--metadata-file", paramLabel = "FILE", description = "Write build result metadata (JSON) to the file.")
    Path metadataFile;

    /** The names outputs ask to push ({@code type=registry}, {@code type=image,push=true}). */
    public List<String> namesToPush(List<String> tags) {
        var pushed = specs(tags).stream().filter(OutputSpec::push).toList();
        if (pushed.stream().anyMatch(s -> s.names().isEmpty())) {
            throw new dev.kiln.KilnException("an output that pushes needs a name: add name=REGISTRY/REPO:TAG to it, "
                    + "or -t REGISTRY/REPO:TAG");
        }
        return pushed.stream().flatMap(s -> s.names().stream()).distinct().toList();
    }

    /** Parses every {@code -o} now, so a bad one fails before the build starts. */
    public List<OutputSpec> specs(List<String> tags) {
        return OutputSpec.parseAll(outputs).stream().map(s -> s.withDefaultNames(tags)).toList();
    }

    /**
     * Exports the built image to every output and writes the requested files; returns the last
     * image output's result (what {@code --metadata-file} describes).
     */
    public ExportResult export(Store store, Descriptor manifest, Digest config, List<String> tags, OutputStream stdout) {
        ExportResult metadata = ExportResult.filesOnly();
        for (OutputSpec spec : specs(tags)) {
            ExportResult result = Exporters.export(store, manifest, spec, stdout);
            if (result.manifest().isPresent() || metadata.manifest().isEmpty()) {
                metadata = result;
            }
        }
        if (iidFile != null) {
            BuildOutputFiles.writeIidFile(iidFile, config);
        }
        if (metadataFile != null) {
            BuildOutputFiles.writeMetadataFile(metadataFile, metadata);
        }
        return metadata;
    }
}
