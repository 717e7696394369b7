// Tokenizers against the reference libraries' ids (fixtures from
// tests/reference/make_tokenizer_fixtures.py): Llama 2 (sentencepiece), Llama 3 (tiktoken, with and
// without special-token parsing), SmolLM2 from its GGUF (transformers), plus decode(encode(x)) == x.
#include "core/error.h"
#include "model/gguf.h"
#include "test_env.h"
#include "tokenizer/bpe_tokenizer.h"
#include "tokenizer/byte_unicode.h"
#include "model/gguf_tokenizer.h"
#include "tokenizer/tokenizer_loader.h"
#include "gguf_builder.h"

#include <QTemporaryDir>
#include <sentencepiece_processor.h>

using namespace quire;

namespace {

QString show(const std::vector<int> & ids) {
    QStringList s;
    for (int id : ids) s << QString::number(id);
    return s.join(' ');
}

// Compares every fixture row; reports the first few mismatches in full.
void check_fixture(const Tokenizer & tok, const std::string & fixture, bool parse_special, bool roundtrip) {
    const auto rows = test::read_jsonl(test::data("tokenizer/" + fixture));
    QVERIFY(rows.size() >= 200);
    int bad = 0;
    QStringList report;
    for (const auto & r : rows) {
        const std::string text = r["text"].get<std::string>();
        const auto expected = r["ids"].get<std::vector<int>>();
        const auto got = tok.encode(text, parse_special);
        if (got != expected) {
            if (++bad <= 5) report << QString("text %1\n  got      %2\n  expected %3").arg(QString::fromStdString(nlohmann::json(text).dump()), show(got), show(expected));
        }
        if (roundtrip) {
            const std::string back = tok.decode(got);
            if (back != text && ++bad <= 5) report << QString("round trip of %1 gave %2").arg(QString::fromStdString(nlohmann::json(text).dump()), QString::fromStdString(nlohmann::json(back).dump()));
        }
    }
    if (bad) QFAIL(qPrintable(QString("%1 mismatches in %2:\n%3").arg(bad).arg(QString::fromStdString(fixture), report.join('\n'))));
}

} // namespace

class TestTokenizer : public QObject {
    Q_OBJECT
private slots:
    void llama2SentencePiece() {
        const auto path = test::shared("tokenizers/llama2/tokenizer.model");
        QUIRE_REQUIRE_FILE(path, "Llama 2 tokenizer");
        auto tok = tokenizer_from_file(path);
        QCOMPARE(tok->kind(), std::string("sentencepiece"));
        QCOMPARE(tok->n_vocab(), 32000);
        QCOMPARE(tok->special().bos, 1);
        QCOMPARE(tok->special().eos, 2);
        check_fixture(*tok, "llama2.jsonl", false, true);
    }

    void llama2FromLlama2cFileMatchesSentencePiece() {
        // The same vocabulary in llama2.c's format, converted to a ModelProto, must agree.
        const auto path = test::shared("tokenizers/llama2/tokenizer.bin");
        QUIRE_REQUIRE_FILE(path, "Llama 2 tokenizer.bin");
        auto tok = tokenizer_from_file(path, 32000);
        check_fixture(*tok, "llama2.jsonl", false, true);
    }

    void llama3Tiktoken() {
        const auto path = test::shared("tokenizers/llama3/tokenizer.model");
        QUIRE_REQUIRE_FILE(path, "Llama 3 tokenizer");
        auto tok = tokenizer_from_file(path);
        QCOMPARE(tok->kind(), std::string("bpe"));
        QCOMPARE(tok->n_vocab(), 128256);
        QCOMPARE(tok->special().bos, 128000);
        QCOMPARE(tok->special().eot, 128009);
        QCOMPARE(tok->find_token("<|start_header_id|>"), 128006);
        check_fixture(*tok, "llama3.jsonl", false, true);
        check_fixture(*tok, "llama3_special.jsonl", true, true);
    }

    void llama3MergesFormMatchesRanks() {
        // GGUF stores Llama 3 as GPT-2-style tokens plus an explicit merge list, which converters
        // derive from the ranks: every split of a token into two tokens, ordered by the merged
        // token's rank, then by the halves' ranks. Both forms must tokenize identically.
        const auto path = test::shared("tokenizers/llama3/tokenizer.model");
        QUIRE_REQUIRE_FILE(path, "Llama 3 tokenizer");
        BpeVocab ranks = bpe_vocab_from_tiktoken(path);
        std::unordered_map<std::string, int> id_of;
        for (int i = 0; i < 128000; ++i) id_of.emplace(ranks.tokens[static_cast<size_t>(i)], i);
        BpeVocab v = ranks;
        v.merges_from_ranks = false;
        v.merges.clear();
        for (int r = 0; r < 128000; ++r) {
            const std::string & t = ranks.tokens[static_cast<size_t>(r)];
            std::vector<std::pair<int, int>> local;
            for (size_t k = 1; k < t.size(); ++k) {
                auto a = id_of.find(t.substr(0, k)), b = id_of.find(t.substr(k));
                if (a != id_of.end() && b != id_of.end()) local.emplace_back(a->second, b->second);
            }
            std::sort(local.begin(), local.end());
            v.merges.insert(v.merges.end(), local.begin(), local.end());
        }
        BpeTokenizer tok(std::move(v), "derived");
        check_fixture(tok, "llama3.jsonl", false, false);
    }

    void splitPatternsMatchTiktoken_data() {
        QTest::addColumn<QString>("pre");
        QTest::addColumn<QString>("fixture");
        QTest::newRow("qwen2") << "qwen2" << "llama3_qwen2_pattern.jsonl";
        QTest::newRow("gpt-2") << "gpt-2" << "llama3_gpt2_pattern.jsonl";
    }
    // The Qwen2 and GPT-2 split patterns under PCRE2 agree with tiktoken's regex engine.
    void splitPatternsMatchTiktoken() {
        QFETCH(QString, pre);
        QFETCH(QString, fixture);
        const auto path = test::shared("tokenizers/llama3/tokenizer.model");
        QUIRE_REQUIRE_FILE(path, "Llama 3 tokenizer");
        BpeVocab v = bpe_vocab_from_tiktoken(path);
        v.split_patterns = pretokenizer_patterns(pre.toStdString());
        BpeTokenizer tok(std::move(v), "llama3-" + pre.toStdString());
        check_fixture(tok, fixture.toStdString(), false, true);
    }

    void huggingFaceTokenizerJson() {
        auto tok = tokenizer_from_file(test::data("tokenizer/hf_bpe/tokenizer.json"));
        QCOMPARE(tok->kind(), std::string("bpe"));
        QCOMPARE(tok->find_token("<|im_start|>"), 1);
        check_fixture(*tok, "hf_bpe.jsonl", true, true);
    }

    void llama2AsGgufVocabulary() {
        // A GGUF "llama" vocabulary (tokens, scores, types) carrying Llama 2's SentencePiece model
        // tokenizes exactly like the SentencePiece model itself.
        const auto path = test::shared("tokenizers/llama2/tokenizer.model");
        QUIRE_REQUIRE_FILE(path, "Llama 2 tokenizer");
        sentencepiece::SentencePieceProcessor sp;
        QVERIFY(sp.Load(path).ok());
        std::vector<std::string> tokens;
        std::vector<float> scores;
        std::vector<int32_t> types;
        for (int i = 0; i < sp.GetPieceSize(); ++i) {
            tokens.push_back(sp.IdToPiece(i));
            scores.push_back(sp.GetScore(i));
            types.push_back(sp.IsControl(i) ? 3 : sp.IsUnknown(i) ? 2 : sp.IsByte(i) ? 6 : sp.IsUnused(i) ? 5 : 1);
        }
        test::GgufBuilder b;
        b.kv_string("general.architecture", "llama");
        b.kv_string("tokenizer.ggml.model", "llama");
        b.kv_str_array("tokenizer.ggml.tokens", tokens);
        b.kv_array("tokenizer.ggml.scores", 6, scores);
        b.kv_array("tokenizer.ggml.token_type", 5, types);
        b.kv_array("tokenizer.ggml.bos_token_id", 4, std::vector<uint32_t>{});
        QTemporaryDir d;
        const std::string file = d.filePath("vocab.gguf").toStdString();
        std::string bytes = b.build();
        std::ofstream(file, std::ios::binary) << bytes;
        try {
            GgufFile g(file);
            tokenizer_from_gguf(g);
            QFAIL("bos_token_id given as an array was accepted");
        } catch (const Error & e) {
            QVERIFY(std::string(e.what()).find("should be an integer") != std::string::npos);
        }
        test::GgufBuilder ok;
        ok.kv_string("general.architecture", "llama");
        ok.kv_string("tokenizer.ggml.model", "llama");
        ok.kv_str_array("tokenizer.ggml.tokens", tokens);
        ok.kv_array("tokenizer.ggml.scores", 6, scores);
        ok.kv_array("tokenizer.ggml.token_type", 5, types);
        ok.kv_u32("tokenizer.ggml.bos_token_id", 1);
        ok.kv_u32("tokenizer.ggml.eos_token_id", 2);
        ok.kv_u32("tokenizer.ggml.unknown_token_id", 0);
        std::ofstream(file, std::ios::binary | std::ios::trunc) << ok.build();
        GgufFile g(file);
        auto tok = tokenizer_from_gguf(g);
        QCOMPARE(tok->kind(), std::string("sentencepiece"));
        QVERIFY(tok->special().add_bos);
        check_fixture(*tok, "llama2.jsonl", false, true);
    }

    void smollm2FromGguf() {
        const auto path = test::smollm2_path();
        QUIRE_REQUIRE_FILE(path, "SmolLM2 model (quire-cli models fetch smollm2-135m-instruct)");
        GgufFile g(path);
        auto tok = tokenizer_from_gguf(g);
        QCOMPARE(tok->kind(), std::string("bpe"));
        QCOMPARE(tok->n_vocab(), 49152);
        QVERIFY(!tok->special().add_bos);
        check_fixture(*tok, "smollm2.jsonl", true, true);
    }

    // A book tokenized in pieces (cut after line breaks) gives exactly the tokens of the whole,
    // for every vocabulary at hand, however small the pieces; progress reaches the end and can
    // cancel.
    void longTextsInPieces() {
        std::string text = test::read_bytes(test::data("../../resources/demo/the-keepers-of-halden-light.md"));
        QVERIFY(text.size() > 50000);
        for (const char * f : {"llama2.jsonl", "llama3.jsonl", "smollm2.jsonl"})
            for (const auto & r : test::read_jsonl(test::data(std::string("tokenizer/") + f))) text += "\n" + r["text"].get<std::string>();
        text += "\n  indented line\r\nWindows line\r\n\n\n\t tab\nÜber 123456 things\n日本語の文\n(parenthesis)\n'quoted'\n-- dash\n\n";
        std::vector<std::pair<std::string, std::unique_ptr<Tokenizer>>> toks;
        const auto add = [&](const std::string & name, const std::function<std::unique_ptr<Tokenizer>()> & make, const std::string & file) {
            if (test::exists(file)) toks.emplace_back(name, make());
        };
        add("llama2", [] { return tokenizer_from_file(test::shared("tokenizers/llama2/tokenizer.model")); }, test::shared("tokenizers/llama2/tokenizer.model"));
        add("llama2.c llama2", [] { return tokenizer_from_file(test::shared("tokenizers/llama2/tokenizer.bin"), 32000); }, test::shared("tokenizers/llama2/tokenizer.bin"));
        add("stories260K", [] { return tokenizer_from_file(test::stories260k_dir() + "/tok512.bin", 512); }, test::stories260k_dir() + "/tok512.bin");
        add("llama3", [] { return tokenizer_from_file(test::shared("tokenizers/llama3/tokenizer.model")); }, test::shared("tokenizers/llama3/tokenizer.model"));
        add("smollm2", [] { GgufFile g(test::smollm2_path()); return tokenizer_from_gguf(g); }, test::smollm2_path());
        if (toks.empty()) QSKIP("no tokenizer at hand (../shared)");
        for (const auto & [name, tok] : toks) {
            const auto whole = tok->encode(text);
            for (size_t piece : {size_t(1), size_t(97), size_t(4096), size_t(1) << 16}) {
                size_t last = 0;
                const auto pieces = tok->encode_long(text, [&](size_t done) { return last = done, true; }, piece);
                if (pieces != whole) {
                    size_t i = 0;
                    while (i < pieces.size() && i < whole.size() && pieces[i] == whole[i]) ++i;
                    std::vector<int> a(whole.begin() + std::max<long>(0, long(i) - 8), whole.begin() + std::min(whole.size(), i + 8));
                    std::vector<int> b(pieces.begin() + std::max<long>(0, long(i) - 8), pieces.begin() + std::min(pieces.size(), i + 8));
                    qDebug() << "first difference at" << i << "whole:" << QString::fromStdString(nlohmann::json(tok->decode(a)).dump()) << show(a) << "pieces:" << QString::fromStdString(nlohmann::json(tok->decode(b)).dump()) << show(b);
                }
                QVERIFY2(pieces == whole, qPrintable(QString("%1, pieces of %2 bytes: %3 tokens against %4").arg(QString::fromStdString(name)).arg(piece).arg(pieces.size()).arg(whole.size())));
                QCOMPARE(last, text.size());
            }
            QVERIFY_THROWS_EXCEPTION(Error, tok->encode_long(text, [](size_t done) { return done < 1000; }, 256));
        }
    }

    void byteUnicodeMappingIsABijection() {
        std::string all;
        for (int b = 0; b < 256; ++b) all += static_cast<char>(b);
        const std::string mapped = bytes_to_unicode(all);
        QCOMPARE(*unicode_to_bytes(mapped), all);
        QCOMPARE(bytes_to_unicode(" "), std::string("\xC4\xA0")); // U+0120 'Ġ'
        QVERIFY(!unicode_to_bytes("\xE2\x96\x81"));                  // U+2581 is not in the table
    }

    void invalidUtf8IsTokenizedWithoutCrashing() {
        const auto path = test::shared("tokenizers/llama3/tokenizer.model");
        QUIRE_REQUIRE_FILE(path, "Llama 3 tokenizer");
        auto tok = tokenizer_from_file(path);
        const std::string bad = "ok \xff\xfe broken \xc3";
        const auto ids = tok->encode(bad);
        QVERIFY(!ids.empty());
        QCOMPARE(tok->decode(ids), bad); // byte-level BPE is lossless even on invalid UTF-8
    }

    void unknownFormatsAreErrors() {
        QTemporaryDir d;
        const std::string p = d.filePath("junk").toStdString();
        std::ofstream(p, std::ios::binary) << std::string("\x01\x02\x03 not a tokenizer");
        try {
            tokenizer_from_file(p);
            QFAIL("accepted junk");
        } catch (const Error & e) {
            QCOMPARE(e.status(), Status::BAD_INPUT);
        }
        QVERIFY_THROWS_EXCEPTION(Error, pretokenizer_patterns("no-such-pre"));
    }
};

QTEST_GUILESS_MAIN(TestTokenizer)
#include "tst_tokenizer.moc"
