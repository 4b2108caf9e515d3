package dev.kiln.solve;

import dev.kiln.image.ImageConfig.Container;
import dev.kiln.image.ImageConfig.Healthcheck;

import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/** Changes one or two fields of an immutable {@link Container}. */
final class ContainerBuilder {
    private String user;
    private SortedSet<String> exposedPorts;
    private List<String> env;
    private List<String> entrypoint;
    private List<String> cmd;
    private SortedSet<String> volumes;
    private String workingDir;
    private Map<String, String> labels;
    private String stopSignal;
    private Boolean argsEscaped;
    private Healthcheck healthcheck;
    private List<String> onBuild;
    private List<String> shell;

    ContainerBuilder(Container c) {
        user = c.user();
        exposedPorts = c.exposedPorts();
        env = c.env();
        entrypoint = c.entrypoint();
        cmd = c.cmd();
        volumes = c.volumes();
        workingDir = c.workingDir();
        labels = c.labels();
        stopSignal = c.stopSignal();
        argsEscaped = c.argsEscaped();
        healthcheck = c.healthcheck();
        onBuild = c.onBuild();
        shell = c.shell();
    }

    ContainerBuilder user(String value) { user = value; return this; }
    ContainerBuilder exposedPorts(SortedSet<String> value) { exposedPorts = value; return this; }
    ContainerBuilder env(List<String> value) { env = value; return this; }
    ContainerBuilder entrypoint(List<String> value) { entrypoint = value; return this; }
    ContainerBuilder cmd(List<String> value) { cmd = value; return this; }
    ContainerBuilder volumes(SortedSet<String> value) { volumes = value; return this; }
    ContainerBuilder workingDir(String value) { workingDir = value; return this; }
    ContainerBuilder labels(Map<String, String> value) { labels = value; return this; }
    ContainerBuilder stopSignal(String value) { stopSignal = value; return this; }
    ContainerBuilder argsEscaped(Boolean value) { argsEscaped = value; return this; }
    ContainerBuilder healthcheck(Healthcheck value) { healthcheck = value; return this; }
    ContainerBuilder onBuild(List<String> value) { onBuild = value; return this; }
    ContainerBuilder shell(List<String> value) { shell = value; return this; }

    Container build() {
        return new Container(user, exposedPorts, env, entrypoint, cmd, volumes, workingDir, labels, stopSignal,
                argsEscaped, healthcheck, onBuild, shell);
    }
}
