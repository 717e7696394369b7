"""The test strings for tokenizer fixtures: hand-picked edge cases plus seeded random mixtures."""
import random

HAND = [
    "", " ", "  ", "\n", "\n\n\n", "\t", " \t \n ", "Hello", " Hello", "Hello world", "Hello  world", "Hello\tworld\n",
    "hello WORLD Hello", "The quick brown fox jumps over the lazy dog.", "I'm sure you're right, they've said we'll go.",
    "DON'T SHOUT! It'S ok'LL", "rock 'n' roll", "''quoted'' \"double\" `back`",
    "1", "12", "123", "1234", "12345678901234567890", "3.14159", "-42", "1,000,000", "2024-06-15T12:34:56Z", "0x1F 0b1010 1e-9",
    "Phone: +1 (555) 123-4567", "version 2.0.1-rc3", "Temperature: 23°C / 73.4°F",
    "日本語のテキストです。", "中文文本测试，包括标点符号。", "한국어 텍스트 테스트입니다.", "Русский текст с пунктуацией!",
    "Ελληνικά γράμματα αβγ", "العربية نص تجريبي", "עברית טקסט", "हिन्दी पाठ परीक्षण", "ภาษาไทยทดสอบ", "Tiếng Việt có dấu",
    "Ça va? Où est la bibliothèque? Über große Straßen.", "naïve café résumé coöperate", "ﬁ ligature ﬀ",
    "e\u0301 (combining acute)", "\u200bzero\u200bwidth\u200b", "\u00a0non-breaking\u00a0space", "\u3000ideographic space",
    "emoji 😀😃😄", "family 👨‍👩‍👧‍👦", "flags 🇫🇷🇯🇵", "thumbs 👍🏽👍🏿", "❤️‍🔥 ✨ 🎉", "math ∑∫∂√∞≠≤≥", "arrows ←↑→↓⇒",
    "def f(x):\n    return x * 2\n", "int main() { return 0; }", "for (int i = 0; i < n; ++i) {\n\tsum += a[i];\n}",
    "{\"key\": [1, 2, 3], \"nested\": {\"a\": null}}", "<html><body><p class=\"x\">Hi</p></body></html>",
    "SELECT * FROM users WHERE id = 42;", "https://example.com/path?query=1&b=2#frag", "user@example.com",
    "C:\\Program Files\\Quire\\quire.exe", "$HOME/.cache/quire", "a+b=c; x^2 - y_1 != z**3",
    "<s>", "</s>", "<unk>", "[INST] question [/INST]", "<|begin_of_text|>", "<|eot_id|>", "<|start_header_id|>user<|end_header_id|>",
    "<|im_start|>user\nhi<|im_end|>", "<|endoftext|>", "text<|eot_id|>more", "<|notaspecial|>",
    "    leading spaces", "trailing spaces    ", "multiple     inner     spaces", "\r\nwindows\r\nlines\r\n",
    "tabs\t\tand\t\t\ttabs", "mixed \n\t \r\n whitespace", "!!!???...", "---===+++", "....", "…", "—dash–en",
    "ALLCAPS WORDS HERE", "camelCaseIdentifier snake_case_name kebab-case-name", "Mr. Smith's O'Brien's",
    "A" * 50, "ab" * 40, " " * 30 + "x", "\n" * 10 + "y", "😀" * 10, "1" * 40,
]

ALPHABETS = [
    "abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "0123456789", " \t\n", ".,;:!?'\"()-", "éèêëàâäôöûüçñß",
    "日本語中文字汉", "ひらがなカタカナ", "абвгдежзий", "αβγδεζηθ", "😀🎉👍❤️🚀", "{}[]<>=+*/\\|&^%$#@~`",
]

def strings(n_random=170, seed=7):
    rng = random.Random(seed)
    out = list(HAND)
    for _ in range(n_random):
        parts = []
        for _ in range(rng.randint(1, 6)):
            alpha = rng.choice(ALPHABETS)
            parts.append("".join(rng.choice(alpha) for _ in range(rng.randint(1, 12))))
        sep = rng.choice(["", " ", "  ", "\n", "\t", " "])
        out.append(sep.join(parts))
    return out
