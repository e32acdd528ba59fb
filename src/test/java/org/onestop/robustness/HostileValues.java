package org.onestop.robustness;

import java.util.List;
import java.util.SplittableRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Values a hostile or careless client sends, drawn from a seeded {@link SplittableRandom} so a run
 * can be repeated exactly from its printed seed. Each draw picks a category (wrong type, huge
 * string, Unicode edge case, SQL, markup, control characters) and then a member of it, sometimes
 * built at random (random code points, random lengths).
 */
final class HostileValues {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Unicode edge cases: bidi overrides, zero-width characters, emoji sequences, 4-byte CJK, combining marks. */
    static final List<String> UNICODE = List.of(
            "\u202Egnp.exe\u202C", "\u200F\u05E9\u05DC\u05D5\u05DD\u200E 你好", "零\u200B宽\u200C字\u200D符\uFEFF",
            "👨‍👩‍👧‍👦🇨🇳🏳️‍🌈", "𠀀𠀁𪚥𰻞𰻞面", "e\u0301\u0301\u0301\u0301\u0301\u0301", "\uFFFD\uFFFE\uFFFF",
            "\u0000", "a\u0000b", "\u0007\u0008\u001B[31m", "\r\n\r\nX-Injected: 1", "\uD800", "\uDC00x",
            "ｆｕｌｌｗｉｄｔｈ　全角　", "İıﬃß", " \t\u3000 ", "\u2028\u2029");

    /** Injection attempts aimed at SQL, markup, templates, paths and formats. */
    static final List<String> INJECTION = List.of(
            "' OR '1'='1", "'; DROP TABLE app_user; --", "1; SELECT pg_sleep(5)--", "\" OR \"\"=\"", "%' AND 1=1 --",
            "<script>window.__xss=1</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)",
            "<svg onload=alert(1)>", "{{7*7}}${7*7}#{7*7}", "../../../../etc/passwd", "%s%n%x%d", "\\u0000\\",
            "${jndi:ldap://x/a}", "</textarea><script>1</script>", "]]><!--", "null", "undefined", "NaN");

    private final SplittableRandom random;

    HostileValues(long seed) {
        this.random = new SplittableRandom(seed);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** A hostile JSON value of any category. */
    JsonNode value() {
        return switch (random.nextInt(7)) {
            case 0 -> wrongType();
            case 1 -> NODES.stringNode(huge());
            case 2, 3 -> NODES.stringNode(pick(UNICODE));
            case 4, 5 -> NODES.stringNode(pick(INJECTION));
            default -> NODES.stringNode(randomText(1 + random.nextInt(40)));
        };
    }

    /** A hostile string (for path variables, form fields and multipart parts). */
    String string() {
        JsonNode v = value();
        return v.isString() ? v.asString() : v.toString();
    }

    JsonNode wrongType() {
        return switch (random.nextInt(10)) {
            case 0 -> NODES.numberNode(-1);
            case 1 -> NODES.numberNode(Long.MAX_VALUE);
            case 2 -> JSON.readTree("92233720368547758070000");
            case 3 -> JSON.readTree("1e400");
            case 4 -> NODES.booleanNode(random.nextBoolean());
            case 5 -> NODES.arrayNode().add(1).add("x").addNull();
            case 6 -> NODES.objectNode().put("$ne", 1);
            case 7 -> NODES.numberNode(0.5);
            case 8 -> NODES.stringNode("");
            default -> NODES.nullNode();
        };
    }

    /** A string from 5,000 to 300,000 characters, beyond every field limit. */
    String huge() {
        int length = switch (random.nextInt(3)) {
            case 0 -> 5_000;
            case 1 -> 20_001;
            default -> 300_000;
        };
        String unit = pick(List.of("a", "长", "𠀀", "<b>", "' "));
        return unit.repeat(Math.max(1, length / unit.length()));
    }

    /** Random code points from the whole range, including surrogates' neighbours and private use. */
    String randomText(int codePoints) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < codePoints; i++) {
            int cp = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(0x20, 0x7F);
                case 1 -> random.nextInt(0x4E00, 0x9FFF);
                case 2 -> random.nextInt(0x1F300, 0x1FAFF);
                default -> random.nextInt(0x0, 0x10FFFF);
            };
            if (Character.isValidCodePoint(cp) && !(cp >= 0xD800 && cp <= 0xDFFF)) {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    /** Bodies that are not JSON, or not the JSON an endpoint can take, as raw bytes. */
    static final List<byte[]> MALFORMED = List.of(
            "{".getBytes(), "{\"a\":".getBytes(), "[".getBytes(), "nul".getBytes(), "\"just a string\"".getBytes(),
            "123".getBytes(), "{\"a\":1}}".getBytes(), "{'single':'quotes'}".getBytes(), "{\"a\":1,}".getBytes(),
            "[]".getBytes(), "null".getBytes(), new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'},
            new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
            new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'},
            "[".repeat(5000).getBytes(), ("{\"a\":".repeat(3000) + "1" + "}".repeat(3000)).getBytes(),
            "{\"text\":\"\\ud800\"}".getBytes(), "{\"__proto__\":{\"admin\":true}}".getBytes());
}
