package dev.kiln.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChallengeTest {
    @Test
    void bearerWithQuotedCommasInTheScope() {
        List<Challenge> all = Challenge.parse(
                "Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\",scope=\"repository:library/alpine:pull,push\"");
        assertThat(all).containsExactly(new Challenge("bearer", Map.of("realm", "https://auth.docker.io/token",
                "service", "registry.docker.io", "scope", "repository:library/alpine:pull,push")));
    }

    @Test
    void severalChallengesInOneHeaderAndBearerIsPreferred() {
        List<Challenge> all = Challenge.parse("Basic realm=\"Registry Realm\", Bearer realm=\"http://x/t\", service=reg");
        assertThat(all).extracting(Challenge::scheme).containsExactly("basic", "bearer");
        assertThat(all.get(1).param("service")).isEqualTo("reg");
        assertThat(Challenge.choose(List.of("Basic realm=\"r\"", "Bearer realm=\"http://x/t\"")).isBearer()).isTrue();
        assertThat(Challenge.choose(List.of("basic realm=r")).isBasic()).isTrue();
        assertThat(Challenge.choose(List.of())).isEqualTo(Challenge.NONE);
    }

    @Test
    void escapesAndOddSpacing() {
        Challenge c = Challenge.parse("BEARER   realm = \"a\\\"b\" ,, error=\"insufficient_scope\"").getFirst();
        assertThat(c.isBearer()).isTrue();
        assertThat(c.param("realm")).isEqualTo("a\"b");
        assertThat(c.param("error")).isEqualTo("insufficient_scope");
        assertThat(c.param("missing")).isEmpty();
    }
}
