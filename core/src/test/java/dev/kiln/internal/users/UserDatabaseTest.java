package dev.kiln.internal.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserDatabaseTest {
    @TempDir
    Path root;

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void looksUpUsersAndGroupsByNameOrId() throws IOException {
        write("etc/passwd", "# comment\n\nroot:x:0:0:root:/root:/bin/sh\napp:x:1000:1500:App:/home/app:/bin/sh\r\n");
        write("etc/group", "root:x:0:\nstaff:x:50:app,web\napp:x:1500:\n");
        UserDatabase db = UserDatabase.of(root);

        assertThat(db.user("app")).contains(new UserDatabase.User("app", 1000, 1500, "/home/app"));
        assertThat(db.user("1000")).map(UserDatabase.User::name).contains("app");
        assertThat(db.user("ghost")).isEmpty();
        assertThat(db.group("staff")).map(UserDatabase.Group::gid).contains(50);
        assertThat(db.group("1500")).map(UserDatabase.Group::name).contains("app");
        assertThat(db.groupsOf("app")).extracting(UserDatabase.Group::name).containsExactly("staff");
        assertThat(db.home(1000)).isEqualTo("/home/app");
        assertThat(db.home(42)).isEqualTo("/");
    }

    @Test
    void skipsLinesWithoutUsableIds() throws IOException {
        write("etc/passwd", "bad:x:abc:0:::\nshort:x:7\nbig:x:4294967295:0:::\nok:x:7:8\n");
        UserDatabase db = UserDatabase.of(root);

        assertThat(db.user("bad")).isEmpty();
        assertThat(db.user("short")).isEmpty();
        assertThat(db.user("big")).isEmpty();
        assertThat(db.user("ok")).contains(new UserDatabase.User("ok", 7, 8, ""));
    }

    @Test
    void followsSymlinksInsideTheRootAndTellsMissingFilesApart() throws IOException {
        write("data/passwd", "svc:x:77:88::/srv:/bin/false\n");
        Files.createDirectories(root.resolve("etc"));
        Files.createSymbolicLink(root.resolve("etc/passwd"), Path.of("/data/passwd"));
        UserDatabase db = UserDatabase.of(root);

        assertThat(db.hasPasswd()).isTrue();
        assertThat(db.user("svc")).map(UserDatabase.User::uid).contains(77);
        assertThat(db.hasGroup()).isFalse();
        assertThat(db.groupsOf("svc")).isEqualTo(List.of());
        assertThat(UserDatabase.none().hasPasswd()).isFalse();
    }
}
