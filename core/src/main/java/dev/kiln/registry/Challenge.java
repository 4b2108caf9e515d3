package dev.kiln.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One {@code WWW-Authenticate} challenge: a scheme ({@code bearer}, {@code basic}) and its parameters. */
record Challenge(String scheme, Map<String, String> params) {
    static final Challenge NONE = new Challenge("none", Map.of());

    Challenge {
        scheme = scheme.toLowerCase(Locale.ROOT);
        params = Map.copyOf(params);
    }

    boolean isBearer() {
        return scheme.equals("bearer");
    }

    boolean isBasic() {
        return scheme.equals("basic");
    }

    String param(String name) {
        return params.getOrDefault(name, "");
    }

    /** The challenge to answer: Bearer when offered, else Basic, else the first; {@link #NONE} when there is none. */
    static Challenge choose(List<String> headerValues) {
        List<Challenge> all = new ArrayList<>();
        for (String value : headerValues) {
            all.addAll(parse(value));
        }
        return all.stream().filter(Challenge::isBearer).findFirst()
                .or(() -> all.stream().filter(Challenge::isBasic).findFirst())
                .or(() -> all.stream().findFirst())
                .orElse(NONE);
    }

    /**
     * Parses a header value that may hold several challenges, e.g.
     * {@code Bearer realm="https://auth/token",service="reg",scope="repository:a:pull,push", Basic realm="x"}.
     */
    static List<Challenge> parse(String header) {
        List<Challenge> challenges = new ArrayList<>();
        Scanner s = new Scanner(header);
        s.skipSpaceAndCommas();
        while (!s.atEnd()) {
            String scheme = s.token();
            if (scheme.isEmpty()) {
                break;
            }
            Map<String, String> params = new LinkedHashMap<>();
            s.skipSpace();
            while (!s.atEnd()) {
                int mark = s.pos;
                String name = s.token();
                s.skipSpace();
                if (name.isEmpty() || !s.consume('=')) {
                    s.pos = mark; // the next scheme starts here
                    break;
                }
                s.skipSpace();
                params.put(name.toLowerCase(Locale.ROOT), s.peek() == '"' ? s.quoted() : s.token());
                s.skipSpaceAndCommas();
            }
            challenges.add(new Challenge(scheme, params));
            s.skipSpaceAndCommas();
        }
        return challenges;
    }

    private static final class Scanner {
        private final String text;
        private int pos;

        Scanner(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return pos >= text.length();
        }

        char peek() {
            return atEnd() ? 0 : text.charAt(pos);
        }

        boolean consume(char c) {
            if (peek() == c) {
                pos++;
                return true;
            }
            return false;
        }

        void skipSpace() {
            while (!atEnd() && Character.isWhitespace(peek())) {
                pos++;
            }
        }

        void skipSpaceAndCommas() {
            while (!atEnd() && (Character.isWhitespace(peek()) || peek() == ',')) {
                pos++;
            }
        }

        /** An RFC 7230 token: up to whitespace, a comma, an equals sign or a quote. */
        String token() {
            int start = pos;
            while (!atEnd() && !Character.isWhitespace(peek()) && peek() != ',' && peek() != '=' && peek() != '"') {
                pos++;
            }
            return text.substring(start, pos);
        }

        String quoted() {
            StringBuilder value = new StringBuilder();
            pos++; // opening quote
            while (!atEnd() && peek() != '"') {
                char c = text.charAt(pos++);
                if (c == '\\' && !atEnd()) {
                    c = text.charAt(pos++);
                }
                value.append(c);
            }
            pos++; // closing quote
            return value.toString();
        }
    }
}
