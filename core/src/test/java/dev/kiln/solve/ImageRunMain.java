package dev.kiln.solve;

import dev.kiln.exec.ExecSpec;
import dev.kiln.image.Platform;
import dev.kiln.image.layer.LayerOptions;
import dev.kiln.snapshot.Snapshotter;
import dev.kiln.store.Store;
import dev.kiln.testing.BusyboxImage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A child JVM for {@link ImageRunnerTest}: {@code HOME [-e K=V] [-u USER] [-w DIR] IMAGE [CMD...]}; makes the
 * busybox image and a "hello" image whose CMD prints, runs IMAGE attached, and exits with its exit code.
 */
public final class ImageRunMain {
    public static void main(String[] args) {
        var store = Store.open(Path.of(args[0]));
        BusyboxImage.importInto(store, "busybox");
        var builds = new MountBuilds(store, Path.of(args[0]));
        var hello = builds.build("FROM busybox\nENV WHO=world\nCMD [\"sh\", \"-c\", \"echo hello $WHO from cmd\"]\n");
        store.names().put("hello", hello.manifest());
        var env = new ArrayList<String>();
        String user = null, workdir = null;
        int i = 1;
        for (; i < args.length && args[i].startsWith("-"); i += 2) {
            switch (args[i]) {
                case "-e" -> env.add(args[i + 1]);
                case "-u" -> user = args[i + 1];
                case "-w" -> workdir = args[i + 1];
                default -> throw new IllegalArgumentException(args[i]);
            }
        }
        var services = new BuildServices(store, LayerOptions.defaults(), Snapshotter.Strategy.AUTO, n -> {});
        var request = new ImageRunner.Request(args[i], List.of(args).subList(i + 1, args.length), env,
                Optional.ofNullable(user), Optional.ofNullable(workdir), ExecSpec.Network.HOST,
                Platform.current().normalized());
        System.exit(ImageRunner.run(services, request, System.getenv()));
    }
}
