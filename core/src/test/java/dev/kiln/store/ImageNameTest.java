package dev.kiln.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.image.ImageReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageNameTest {
    @ParameterizedTest
    @CsvSource({
            "hello, docker.io/library/hello:latest, hello:latest",
            "hello:1.0, docker.io/library/hello:1.0, hello:1.0",
            "me/app, docker.io/me/app:latest, me/app:latest",
            "docker.io/library/hello:latest, docker.io/library/hello:latest, hello:latest",
            "index.docker.io/me/app:v2, docker.io/me/app:v2, me/app:v2",
            "localhost:5000/app, localhost:5000/app:latest, localhost:5000/app:latest",
            "localhost/app:x, localhost/app:x, localhost/app:x",
            "ghcr.io/o/r/img:tag, ghcr.io/o/r/img:tag, ghcr.io/o/r/img:tag",
    })
    void normalisesLikeDocker(String given, String full, String familiar) {
        ImageReference name = ImageNames.parse(given);
        assertThat(name.toString()).isEqualTo(full);
        assertThat(name.familiar()).isEqualTo(familiar);
        assertThat(ImageNames.parse(name.familiar())).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hello", "hello:", "hello:-x", "a//b", "hello@sha256:abc", "", "-x"})
    void rejectsInvalidNames(String text) {
        assertThatThrownBy(() -> ImageNames.parse(text)).isInstanceOf(StoreException.class)
                .hasMessageContaining("invalid image name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello@sha256:0000000000000000000000000000000000000000000000000000000000000000"})
    void digestOnlyNamesHaveNoTag(String text) {
        ImageReference name = ImageNames.parse(text);
        assertThat(name.tagIfPresent()).isEmpty();
        assertThat(name.toString()).isEqualTo("docker.io/library/" + text);
    }
}
