package dev.kiln.solve;

import dev.kiln.image.ImageConfig;

import java.util.ArrayList;
import java.util.List;

/** A stage's image so far: its configuration and its layers, bottom first. */
public record ImageState(ImageConfig config, List<LayerRef> layers) {
    public ImageState {
        layers = List.copyOf(layers);
    }

    ImageState withLayer(ImageConfig newConfig, LayerRef layer) {
        var all = new ArrayList<>(layers);
        all.add(layer);
        return new ImageState(newConfig, all);
    }

    ImageState withConfig(ImageConfig newConfig) {
        return new ImageState(newConfig, layers);
    }
}
