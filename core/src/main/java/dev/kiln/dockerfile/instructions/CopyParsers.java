package dev.kiln.dockerfile.instructions;

import dev.kiln.dockerfile.parser.Heredoc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.regex.Pattern;

/** COPY and ADD: sources (paths or heredocs), a destination and their flags. */
final class CopyParsers {
    /** A word that opens a heredoc, e.g. {@code <<EOF}, {@code <<-"EOF"}, {@code 3<<EOF}. */
    private static final Pattern HEREDOC_WORD = Pattern.compile("^(\\d*)<<(-?)\\s*([^<]*)$");
    private static final Pattern LEADING_TABS = Pattern.compile("(?m)^\t+");

    private CopyParsers() {}

    private record SourcesAndDestination(List<String> paths, List<HeredocSource> inline, String destination) {}

    static Copy copy(Request request) {
        requireDestination(request, "COPY");
        var flags = request.flags().string("chown").string("from").string("chmod").bool("link")
                .strings("exclude").bool("parents").parse();
        var sources = sourcesAndDestination(request, "COPY");
        var node = request.node();
        return new Copy(sources.paths(), sources.inline(), sources.destination(), flags.value("from"),
                flags.value("chown"), flags.value("chmod").map(c -> Chmod.of(c, node.range())),
                flags.isTrue("link"), flags.isTrue("parents"), flags.all("exclude"), node.range(), node.original());
    }

    static Add add(Request request) {
        requireDestination(request, "ADD");
        var flags = request.flags().string("chown").string("chmod").bool("link").bool("keep-git-dir")
                .string("checksum").bool("unpack").strings("exclude").parse();
        var sources = sourcesAndDestination(request, "ADD");
        var node = request.node();
        return new Add(sources.paths(), sources.inline(), sources.destination(), flags.value("chown"),
                flags.value("chmod").map(c -> Chmod.of(c, node.range())), flags.isTrue("link"),
                flags.all("exclude"), flags.value("checksum"), flags.optionalBool("keep-git-dir"),
                flags.optionalBool("unpack"), node.range(), node.original());
    }

    private static void requireDestination(Request request, String keyword) {
        if (request.args().size() < 2) {
            throw request.fail(keyword + " requires at least two arguments, but only one was provided. "
                    + "Destination could not be determined");
        }
    }

    private static SourcesAndDestination sourcesAndDestination(Request request, String keyword) {
        var args = request.args();
        var destination = args.getLast();
        boolean heredocsAllowed = !request.node().json();
        if (heredocsAllowed && HEREDOC_WORD.matcher(destination).matches()) {
            throw request.fail(keyword + " cannot accept a heredoc as a destination");
        }
        var byName = new HashMap<String, Heredoc>();
        request.node().heredocs().forEach(h -> byName.put(h.name(), h));
        var paths = new ArrayList<String>();
        var inline = new ArrayList<HeredocSource>();
        for (var source : args.subList(0, args.size() - 1)) {
            var heredoc = heredocsAllowed ? byName.get(heredocName(source)) : null;
            if (heredoc == null) {
                paths.add(source);
            } else {
                var content = heredoc.chomp() ? LEADING_TABS.matcher(heredoc.content()).replaceAll("")
                        : heredoc.content();
                inline.add(new HeredocSource(heredoc.name(), content, heredoc.expand()));
            }
        }
        return new SourcesAndDestination(paths, inline, destination);
    }

    /** The terminator a heredoc word names, quotes removed; null when the word opens no heredoc. */
    private static String heredocName(String word) {
        var matcher = HEREDOC_WORD.matcher(word);
        if (!matcher.matches()) {
            return null;
        }
        return matcher.group(3).replace("\"", "").replace("'", "");
    }
}
