package dev.kiln.dockerfile.instructions;

import dev.kiln.dockerfile.parser.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** RUN, CMD, ENTRYPOINT, HEALTHCHECK and SHELL: the instructions that carry a command. */
final class CommandParsers {
    private static final Duration MINIMUM_INTERVAL = Duration.ofMillis(1);

    private CommandParsers() {}

    /** Shell form joins the words into one command text; exec form keeps the argv. */
    static CommandLine commandLine(Request request) {
        return commandLine(request.node(), request.args());
    }

    private static CommandLine commandLine(Node node, List<String> args) {
        var files = node.heredocs().stream()
                .map(h -> new InlineFile(h.name(), h.content(), h.chomp()))
                .toList();
        var argv = node.json() ? args : args.isEmpty() ? List.<String>of() : List.of(String.join(" ", args));
        return new CommandLine(argv, !node.json(), files);
    }

    static Run run(Request request) {
        var flags = request.flags().strings("mount").string("network").string("security").parse();
        var node = request.node();
        var network = switch (flags.value("network").orElse("default")) {
            case "default" -> NetworkMode.DEFAULT;
            case "none" -> NetworkMode.NONE;
            case "host" -> NetworkMode.HOST;
            default -> throw request.fail("invalid network mode " + Quote.go(flags.value("network").get())
                    + " (use default, none or host)");
        };
        var security = switch (flags.value("security").orElse("sandbox")) {
            case "sandbox" -> SecurityMode.SANDBOX;
            case "insecure" -> SecurityMode.INSECURE;
            default -> throw request.fail("security " + Quote.go(flags.value("security").get())
                    + " is not valid (use sandbox or insecure)");
        };
        var specs = flags.all("mount");
        var mounts = specs.stream().map(spec -> MountParser.parse(spec, null, node.range(), node.original())).toList();
        return new Run(commandLine(request), specs, mounts, network, security, node.range(), node.original());
    }

    static Shell shell(Request request) {
        request.parsedFlags();
        var node = request.node();
        if (request.args().isEmpty()) {
            throw request.fail("SHELL requires at least one argument");
        }
        if (!node.json()) {
            throw request.fail("SHELL requires the arguments to be in JSON form, e.g. SHELL [\"/bin/sh\", \"-c\"]");
        }
        return new Shell(request.args(), node.range(), node.original());
    }

    static Healthcheck healthcheck(Request request) {
        var node = request.node();
        var args = request.args();
        if (args.isEmpty()) {
            throw request.fail("HEALTHCHECK requires at least one argument");
        }
        var type = args.getFirst().toUpperCase(Locale.ROOT);
        var rest = args.subList(1, args.size());
        if (type.equals("NONE")) {
            if (!rest.isEmpty()) {
                throw request.fail("HEALTHCHECK NONE takes no arguments");
            }
            return new Healthcheck(List.of("NONE"), Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, 0,
                    node.range(), node.original());
        }
        var flags = request.flags().string("interval").string("timeout").string("start-period")
                .string("start-interval").string("retries").parse();
        if (!type.equals("CMD")) {
            throw request.fail("Unknown type " + Quote.go(type) + " in HEALTHCHECK (try CMD)");
        }
        var command = commandLine(node, rest).args();
        if (command.isEmpty()) {
            throw request.fail("Missing command after HEALTHCHECK CMD");
        }
        var test = new ArrayList<String>();
        test.add(node.json() ? "CMD" : "CMD-SHELL");
        test.addAll(command);
        return new Healthcheck(test, interval(request, flags, "interval"), interval(request, flags, "timeout"),
                interval(request, flags, "start-period"), interval(request, flags, "start-interval"),
                retries(request, flags), node.range(), node.original());
    }

    private static Duration interval(Request request, Flags flags, String name) {
        var text = flags.value(name).orElse("");
        if (text.isEmpty()) {
            return Duration.ZERO;
        }
        Duration duration;
        try {
            duration = GoDuration.parse(text);
        } catch (IllegalArgumentException e) {
            throw request.fail("invalid --" + name + ": " + e.getMessage() + " (write e.g. 30s, 1m30s, 500ms)");
        }
        if (!duration.isZero() && duration.compareTo(MINIMUM_INTERVAL) < 0) {
            throw request.fail("Interval " + Quote.go(name) + " cannot be less than 1ms");
        }
        return duration;
    }

    private static int retries(Request request, Flags flags) {
        var text = flags.value("retries").orElse("");
        if (text.isEmpty()) {
            return 0;
        }
        long retries;
        try {
            retries = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw request.fail("invalid --retries " + Quote.go(text) + ": want a whole number");
        }
        if (retries < 0) {
            throw request.fail("--retries cannot be negative (" + retries + ")");
        }
        if (retries > Integer.MAX_VALUE) {
            throw request.fail("invalid --retries " + Quote.go(text) + ": value out of range");
        }
        return (int) retries;
    }
}
