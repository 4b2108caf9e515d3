package dev.kiln.cli;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.KilnException;
import dev.kiln.image.Descriptor;
import dev.kiln.image.ImageReference;
import dev.kiln.image.Platform;
import dev.kiln.store.Store;
import dev.kiln.transport.ImageGraph;
import dev.kiln.transport.LocalImages;
import dev.kiln.transport.StoredImage;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kiln inspect IMAGE...}: a JSON array with, per image, docker's main {@code image inspect}
 * fields (Id, RepoTags, Created, Architecture, Os, Config, RootFS, Size) plus the OCI
 * {@code Descriptor}, {@code Manifest} and whole {@code ImageConfig} as stored.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true, description = "Show details of images in the local store.")
public final class InspectCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Image names or IDs.")
    List<String> images;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Store store = CliEnvironment.openStore();
        ArrayNode result = JSON.createArrayNode();
        for (String image : images) {
            result.add(describe(store, LocalImages.resolve(store, image)));
        }
        var printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("    ", "\n"))
                .withArrayIndenter(new DefaultIndenter("    ", "\n"));
        var out = spec.commandLine().getOut();
        out.println(JSON.writer(printer).writeValueAsString(result));
        out.flush();
        return 0;
    }

    private static ObjectNode describe(Store store, Descriptor target) throws IOException {
        Descriptor manifestDescriptor = ImageGraph.manifestFor(store.blobs(), target, Platform.current());
        StoredImage image = StoredImage.read(store.blobs(), manifestDescriptor);
        JsonNode config = JSON.readTree(store.blobs().readAll(image.id()));
        ObjectNode node = JSON.createObjectNode();
        node.put("Id", image.id().toString());
        ArrayNode tags = node.putArray("RepoTags");
        LocalImages.namesOf(store, target).stream().map(ImageReference::familiar).forEach(tags::add);
        node.putArray("RepoDigests");
        node.set("Created", config.path("created").isMissingNode() ? null : config.get("created"));
        node.put("Architecture", image.config().architecture());
        if (!image.config().variant().isEmpty()) {
            node.put("Variant", image.config().variant());
        }
        node.put("Os", image.config().os());
        node.set("Config", config.path("config").isMissingNode() ? JSON.createObjectNode() : config.get("config"));
        ObjectNode rootfs = node.putObject("RootFS");
        rootfs.put("Type", image.config().rootfs().type());
        ArrayNode layers = rootfs.putArray("Layers");
        image.config().rootfs().diffIds().forEach(d -> layers.add(d.toString()));
        node.put("Size", image.contentSize());
        node.set("Descriptor", JSON.readTree(descriptorJson(target)));
        node.set("Manifest", JSON.readTree(store.blobs().readAll(manifestDescriptor.digest())));
        node.set("ImageConfig", config);
        return node;
    }

    private static String descriptorJson(Descriptor d) {
        try {
            ObjectNode node = JSON.createObjectNode();
            node.put("mediaType", d.mediaType().value());
            node.put("digest", d.digest().toString());
            node.put("size", d.size());
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new KilnException("cannot encode descriptor " + d.digest(), e);
        }
    }
}
