package dev.kiln.dockerfile.instructions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.dockerfile.parser.SourceRange;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MountParserTest {
    private static final SourceRange LINE = SourceRange.lines(3, 3);

    private static Mount parse(String spec) {
        return MountParser.parse(spec, null, LINE, "RUN --mount=" + spec);
    }

    @Test
    void bindFromAStageWithReadWrite() {
        assertThat(parse("type=bind,from=build,source=/out,target=/in,rw"))
                .isEqualTo(new Mount.Bind("/in", "/out", Optional.of("build"), false));
        assertThat(parse("src=a,dst=b,ro=false")).isEqualTo(new Mount.Bind("b", "a", Optional.empty(), false));
        assertThat(parse("TYPE=BIND,destination=/d,readonly")).isEqualTo(new Mount.Bind("/d", "", Optional.empty(), true));
    }

    @Test
    void cacheWithEveryOption() {
        assertThat(parse("type=cache,id=go,target=/go/pkg,sharing=locked,mode=0700,uid=1,gid=2,from=base,source=/c"))
                .isEqualTo(new Mount.Cache("/go/pkg", "go", Mount.CacheSharing.LOCKED, Optional.of("base"), "/c",
                        0700, 1, 2, false));
        assertThat(parse("type=cache,target=/a/../b/")).isInstanceOfSatisfying(Mount.Cache.class,
                c -> assertThat(c.id()).isEqualTo("/b"));
    }

    @Test
    void secretDefaults() {
        assertThat(parse("type=secret,target=/etc/token")).isEqualTo(
                new Mount.Secret("token", "/etc/token", Optional.empty(), false, 0400, 0, 0));
        assertThat(parse("type=secret,source=aws,required")).isEqualTo(
                new Mount.Secret("aws", "/run/secrets/aws", Optional.empty(), true, 0400, 0, 0));
        assertThat(parse("type=secret,id=tok,env=TOKEN,mode=0440,uid=5,gid=6,required=false")).isEqualTo(
                new Mount.Secret("tok", "", Optional.of("TOKEN"), false, 0440, 5, 6));
    }

    @Test
    void sshWithOptions() {
        assertThat(parse("type=ssh,id=github,target=/s.sock,required=true,mode=0666"))
                .isEqualTo(new Mount.Ssh("github", "/s.sock", true, 0666, 0, 0));
    }

    @Test
    void quotedCsvFieldsMayHoldCommas() {
        assertThat(parse("\"target=/a,b\",type=tmpfs")).isEqualTo(new Mount.Tmpfs("/a,b", 0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "type=volume,target=/x | unsupported mount type \"volume\"",
            "type=cahce,target=/x | unsupported mount type \"cahce\" (did you mean cache?)",
            "type=cache,target=/x,sharing=none | unsupported sharing value \"none\"",
            "type=cache,targte=/x | unexpected key 'targte' in 'targte=/x' (did you mean target?)",
            "target=/x,foo | invalid field 'foo' must be a key=value pair",
            "target=/x,required | unexpected key 'required' for mount type 'bind'",
            "type=cache,target=/x,size=1g | unexpected key 'size' for mount type 'cache'",
            "type=tmpfs,target=/x,size=lots | invalid value for size: lots",
            "target=/x,mode=0644 | mode not allowed for \"bind\" type mounts",
            "type=tmpfs,target=/x,uid=0 | uid not allowed for \"tmpfs\" type mounts",
            "type=cache,target=/x,mode=9 | invalid value 9 for mode",
            "type=cache,target=/x,gid=-1 | invalid value -1 for gid",
            "target=/x,ro=maybe | invalid value for ro: maybe",
            "type=secret | invalid secret mount. one of source, target required",
            "type=secret,id=a,source=b | both source and id can't be set",
            "type=secret,id=a,from=b | secret mount should not have a from",
            "type=secret,id=a,sharing=shared | secret mount should not define sharing",
            "target=/x,sharing=private | invalid cache sharing set for bind mount",
            "type=ssh,source=x | ssh does not support source",
            "target=a\"b | failed to parse csv mounts",
    })
    void rejectsBadOptionsWithBuildKitsMessages(String spec, String message) {
        assertThatThrownBy(() -> parse(spec)).isInstanceOf(InstructionException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((InstructionException) e).range()).isEqualTo(LINE));
    }

    @Test
    void sizesUseBinaryUnits() {
        assertThat(Sizes.ramInBytes("1024")).contains(1024L);
        assertThat(Sizes.ramInBytes("1k")).contains(1024L);
        assertThat(Sizes.ramInBytes("1.5GiB")).contains(1536L * 1024 * 1024);
        assertThat(Sizes.ramInBytes("10 MB")).contains(10L * 1024 * 1024);
        assertThat(Sizes.ramInBytes("1x")).isEmpty();
    }
}
