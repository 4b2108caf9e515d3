package dev.kiln.solve;

import dev.kiln.copy.ContextFilter;
import dev.kiln.solve.mount.BuildSecrets;
import dev.kiln.solve.mount.RunMountInputs;
import dev.kiln.solve.mount.SshForwards;
import dev.kiln.store.Store;
import dev.kiln.testing.BusyboxImage;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A child JVM for {@link InterruptCleanupTest}: a build whose step, holding every mount type, sleeps until killed. */
public final class InterruptedBuildMain {
    public static void main(String[] args) {
        var store = Store.open(Path.of(args[0]));
        BusyboxImage.importInto(store, "busybox");
        var inputs = new RunMountInputs(BuildSecrets.parse(List.of("id=s,env=KILN_TEST_SECRET"),
                System.getenv()), SshForwards.none(), ContextFilter.NONE);
        var platform = dev.kiln.image.Platform.current().normalized();
        var plan = dev.kiln.plan.Frontend.plan("Dockerfile", """
                FROM busybox AS other
                RUN echo > /o
                FROM busybox
                RUN --mount=target=/ctx,rw --mount=from=other,target=/other --mount=type=cache,target=/c \\
                    --mount=type=tmpfs,target=/t --mount=type=secret,id=s,env=S --mount=type=secret,id=s \\
                    test "$S" = x && test -f /run/secrets/s && echo started && sleep %s
                """.formatted(args[2]), new dev.kiln.plan.BuildRequest(Map.of(), java.util.Optional.empty(),
                platform.toString(), platform.toString()));
        var services = new BuildServices(store, dev.kiln.image.layer.LayerOptions.defaults(),
                dev.kiln.snapshot.Snapshotter.Strategy.AUTO, n -> {});
        var options = BuildOptions.of(Path.of(args[1]), List.of(), platform).withMounts(inputs);
        Solver.build(plan, options, services, new StepLog() {
            public void output(String s, String line) {
                System.out.println("out " + line);
                System.out.flush();
            }
        });
    }
}
