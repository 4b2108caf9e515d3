package dev.kiln.dockerfile.parser;

import java.util.List;
import java.util.random.RandomGenerator;

/** Makes Dockerfile-shaped garbage from real Dockerfiles by small random edits, for fuzzing. */
final class DockerfileMutator {
    private static final List<String> TOKENS = List.of(
            "\\", "`", "\"", "'", "[", "]", "<<", "<<-", "$", "{", "}", "${", "\n", "\r\n", " ", "\t", "#", "=",
            "--", "EOF", ",", ":", "\\\n", "`\n", "\n\n", "# escape=`\n", "# syntax=x\n", "ONBUILD ", "RUN ",
            "COPY ", "ENV ", "HEALTHCHECK ", "<<EOF\n", "\nEOF\n", "[\"a\", 1]", "\\u00", "\u00a0", "é", "\uD83D\uDE00",
            "\u0000", "\u000b");

    private final List<String> seeds;
    private final RandomGenerator random;

    DockerfileMutator(List<String> seeds, RandomGenerator random) {
        this.seeds = List.copyOf(seeds);
        this.random = random;
    }

    String next() {
        var text = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            mutate(text);
        }
        return text.toString();
    }

    private void mutate(StringBuilder text) {
        int at = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
        switch (random.nextInt(5)) {
            case 0 -> flip(text, at);
            case 1 -> delete(text, at);
            case 2 -> text.insert(at, TOKENS.get(random.nextInt(TOKENS.size())));
            case 3 -> duplicateLine(text, at);
            default -> {
                String other = seeds.get(random.nextInt(seeds.size()));
                text.insert(at, other, 0, Math.min(80, other.length()));
            }
        }
    }

    private void flip(StringBuilder text, int at) {
        if (at < text.length()) {
            text.setCharAt(at, (char) (text.charAt(at) ^ (1 << random.nextInt(7))));
        }
    }

    private void delete(StringBuilder text, int at) {
        int end = Math.min(text.length(), at + 1 + random.nextInt(8));
        text.delete(at, end);
    }

    private void duplicateLine(StringBuilder text, int at) {
        int start = text.lastIndexOf("\n", Math.max(0, at - 1)) + 1;
        int end = text.indexOf("\n", at);
        end = end < 0 ? text.length() : end + 1;
        if (start <= end) {
            text.insert(end, text.substring(start, end));
        }
    }
}
