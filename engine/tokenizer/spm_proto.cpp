// Minimal protobuf encoder for the few ModelProto fields SentencePiece needs.
// Field numbers from sentencepiece_model.proto: ModelProto{pieces=1, trainer_spec=2,
// normalizer_spec=3}; SentencePiece{piece=1, score=2, type=3}; TrainerSpec{model_type=3,
// vocab_size=4, byte_fallback=35, unk_id=40, bos_id=41, eos_id=42, pad_id=43};
// NormalizerSpec{name=1, add_dummy_prefix=3, remove_extra_whitespaces=4, escape_whitespaces=5}.
#include "tokenizer/spm_proto.h"

#include <cstdint>
#include <cstring>

namespace quire {

namespace {

void varint(std::string & out, uint64_t v) {
    while (v >= 0x80) {
        out += static_cast<char>((v & 0x7F) | 0x80);
        v >>= 7;
    }
    out += static_cast<char>(v);
}
void tag(std::string & out, int field, int wire) { varint(out, (static_cast<uint64_t>(field) << 3) | static_cast<uint64_t>(wire)); }
void field_varint(std::string & out, int field, int64_t v) {
    tag(out, field, 0);
    varint(out, static_cast<uint64_t>(v)); // negative int32 values are sign-extended to 10 bytes, as protobuf does
}
void field_bytes(std::string & out, int field, const std::string & s) {
    tag(out, field, 2);
    varint(out, s.size());
    out += s;
}
void field_float(std::string & out, int field, float f) {
    tag(out, field, 5);
    char b[4];
    std::memcpy(b, &f, 4);
    out.append(b, 4);
}

} // namespace

std::string spm_model_proto(const SpmVocab & v) {
    std::string model;
    for (size_t i = 0; i < v.pieces.size(); ++i) {
        std::string p;
        field_bytes(p, 1, v.pieces[i]);
        field_float(p, 2, v.scores[i]);
        field_varint(p, 3, static_cast<int64_t>(v.types[i]));
        field_bytes(model, 1, p);
    }
    std::string trainer;
    field_varint(trainer, 3, 2); // BPE
    field_varint(trainer, 4, static_cast<int64_t>(v.pieces.size()));
    field_varint(trainer, 35, v.byte_fallback ? 1 : 0);
    field_varint(trainer, 40, v.unk_id);
    field_varint(trainer, 41, v.bos_id);
    field_varint(trainer, 42, v.eos_id);
    field_varint(trainer, 43, v.pad_id);
    field_bytes(model, 2, trainer);
    std::string norm;
    field_bytes(norm, 1, "identity");
    field_varint(norm, 3, v.add_dummy_prefix ? 1 : 0);
    field_varint(norm, 4, 0);
    field_varint(norm, 5, 1);
    field_bytes(model, 3, norm);
    return model;
}

} // namespace quire
