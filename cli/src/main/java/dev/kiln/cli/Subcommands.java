package dev.kiln.cli;

import picocli.CommandLine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * kiln's subcommands, added to the command line on demand: picocli reads every option of every
 * command it is given by reflection, which took a third of a no-op build's time for all fourteen,
 * so an invocation that names one subcommand gets only that one.
 */
final class Subcommands {
    /** By name, in the order {@code kiln --help} lists them. */
    static final Map<String, Supplier<Object>> ALL = all();

    private Subcommands() {}

    private static Map<String, Supplier<Object>> all() {
        var all = new LinkedHashMap<String, Supplier<Object>>();
        all.put("build", BuildCommand::new);
        all.put("run", RunCommand::new);
        all.put("images", ImagesCommand::new);
        all.put("inspect", InspectCommand::new);
        all.put("tag", TagCommand::new);
        all.put("rmi", RmiCommand::new);
        all.put("save", SaveCommand::new);
        all.put("load", LoadCommand::new);
        all.put("import", ImportCommand::new);
        all.put("prune", PruneCommand::new);
        all.put("pull", PullCommand::new);
        all.put("push", PushCommand::new);
        all.put("login", LoginCommand::new);
        all.put("logout", LogoutCommand::new);
        return all;
    }

    /**
     * The {@code kiln} command line for {@code args}: with just the subcommand they name, or with all
     * of them when they name none or an unknown one (for help, usage and "did you mean"); with none
     * for a lone {@code --version}.
     */
    static CommandLine commandLine(KilnCommand root, String[] args) {
        var name = invoked(args);
        // build's context walk starts before picocli reads its model, which is the point of it
        var named = name.equals("build") ? new BuildCommand(ContextPrefetch.start(args))
                : ALL.containsKey(name) ? ALL.get(name).get() : null;
        var cli = new CommandLine(root);
        if (named != null) {
            cli.addSubcommand(named);
        } else if (!(args.length == 1 && (args[0].equals("--version") || args[0].equals("-V")))) {
            ALL.values().forEach(command -> cli.addSubcommand(command.get()));
        }
        return cli;
    }

    /** The first argument that is not an option: kiln's own options (--debug, --help, --version) take no value. */
    private static String invoked(String[] args) {
        for (var arg : args) {
            if (!arg.startsWith("-")) {
                return arg;
            }
        }
        return "";
    }
}
