package dev.kiln.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class OutputSpecTest {
    @Test
    void aBarePathIsALocalFolder() {
        assertThat(OutputSpec.parse("out/dir")).isEqualTo(new OutputSpec(OutputType.LOCAL, "out/dir", true, List.of()));
    }

    @Test
    void aBareDashIsATarOnStandardOutput() {
        OutputSpec spec = OutputSpec.parse("-");
        assertThat(spec.type()).isEqualTo(OutputType.TAR);
        assertThat(spec.toStdout()).isTrue();
    }

    @Test
    void readsTypeDestTarAndQuotedNames() {
        OutputSpec spec = OutputSpec.parse("type=oci,dest=layout,tar=false,\"name=a:1,b:2\"");
        assertThat(spec).isEqualTo(new OutputSpec(OutputType.OCI, "layout", false, List.of("a:1", "b:2")));
        assertThat(OutputSpec.parse("TYPE=Docker,dest=-").tar()).isTrue();
    }

    @Test
    void tagsNameImageOutputsThatHaveNoName() {
        assertThat(OutputSpec.parse("type=image").withDefaultNames(List.of("x")).names()).containsExactly("x");
        assertThat(OutputSpec.parse("type=oci,dest=f,name=y").withDefaultNames(List.of("x")).names()).containsExactly("y");
        assertThat(OutputSpec.parse("type=local,dest=d").withDefaultNames(List.of("x")).names()).isEmpty();
        assertThat(OutputSpec.parse("type=registry,name=r/x").push()).isTrue();
        assertThat(OutputSpec.parse("type=image,name=r/x,push=true").push()).isTrue();
        assertThat(OutputSpec.parse("type=image,name=r/x").push()).isFalse();
        assertThat(OutputSpec.parseAll(List.of())).containsExactly(OutputSpec.defaultOutput());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "type=zip,dest=x|unknown type 'zip'; use one of image, oci, docker, local, tar",
        "dest=x,tar=false|type= is missing",
        "type=local,dest=d,name=x|type=local does not take 'name' (it takes: dest)",
        "type=image,push=maybe|push=maybe is not true or false",
        "type=oci|type=oci needs dest=FILE (or dest=- for standard output)",
        "type=local|type=local needs dest=FOLDER",
        "type=oci,dest=-,tar=false|a folder output cannot go to standard output",
        "type=oci,dest=x,tar=maybe|tar=maybe is not true or false",
        "type=oci,dest\"x|bare \" in an unquoted field",
        "type=oci,dest=x,oops|field 'oops' is not key=value",
    })
    void rejectsWhatBuildKitWouldNotTake(String spec, String message) {
        assertThatThrownBy(() -> OutputSpec.parse(spec)).isInstanceOf(TransportException.class).hasMessageContaining(message);
    }
}
