#include "document/page_ocr.h"

#include "core/error.h"

#include <cstdlib>
#include <cstring>

#ifdef QUIRE_HAVE_TESSERACT
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>
#endif

namespace quire {

#ifdef QUIRE_HAVE_TESSERACT

bool ocr_supported() { return true; }

std::string ocr_library_version() { return std::string("tesseract ") + tesseract::TessBaseAPI::Version(); }

struct PageOcr::Impl {
    tesseract::TessBaseAPI api;
};

PageOcr::PageOcr(const std::string & languages) : impl_(std::make_unique<Impl>()) {
    std::string langs = languages;
    if (langs.empty()) {
        const char * env = std::getenv("QUIRE_OCR_LANGUAGES");
        langs = env && *env ? env : "eng";
    }
    if (impl_->api.Init(nullptr, langs.c_str(), tesseract::OEM_LSTM_ONLY) != 0)
        fail(Status::UNSUPPORTED, "tesseract has no language data for '" + langs + "' (install tesseract-ocr-eng, or the package of each language asked for)");
    impl_->api.SetPageSegMode(tesseract::PSM_AUTO);
    impl_->api.SetVariable("debug_file", "/dev/null"); // no chatter on stderr
}

PageOcr::~PageOcr() = default;

Page PageOcr::read(const PageImage & image) const {
    Page out;
    if (image.width <= 0 || image.height <= 0) return out;
    out.width = image.width / image.scale;
    out.height = image.height / image.scale;
    // Grey pixels for tesseract (ARGB -> luma).
    std::vector<unsigned char> grey(static_cast<size_t>(image.width) * static_cast<size_t>(image.height));
    for (size_t i = 0; i < grey.size(); ++i) grey[i] = static_cast<unsigned char>(grey_of(image.argb[i]));
    tesseract::TessBaseAPI & api = impl_->api;
    api.SetImage(grey.data(), image.width, image.height, 1, image.width);
    api.SetSourceResolution(static_cast<int>(image.scale * 72.0 + 0.5));
    if (api.Recognize(nullptr) != 0) fail(Status::BAD_INPUT, "the page could not be read by OCR");
    std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
    if (!it) return out;
    using tesseract::RIL_PARA;
    using tesseract::RIL_TEXTLINE;
    using tesseract::RIL_WORD;
    bool first = true;
    do {
        if (it->Empty(RIL_WORD)) continue;
        const std::unique_ptr<char[]> text(it->GetUTF8Text(RIL_WORD));
        if (!text || !text[0]) continue;
        if (!first) out.text += it->IsAtBeginningOf(RIL_PARA) ? "\n\n" : it->IsAtBeginningOf(RIL_TEXTLINE) ? "\n" : " ";
        first = false;
        int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        it->BoundingBox(RIL_WORD, &x0, &y0, &x1, &y1);
        Word w;
        w.start = static_cast<int64_t>(out.text.size());
        w.len = static_cast<int64_t>(std::strlen(text.get()));
        w.box = {x0 / image.scale, y0 / image.scale, x1 / image.scale, y1 / image.scale};
        out.words.push_back(w);
        out.text += text.get();
    } while (it->Next(RIL_WORD));
    api.Clear();
    return out;
}

#else

bool ocr_supported() { return false; }
std::string ocr_library_version() { return "none"; }
struct PageOcr::Impl {};
PageOcr::PageOcr(const std::string &) { fail(Status::UNSUPPORTED, "this build of Quire has no OCR (tesseract)"); }
PageOcr::~PageOcr() = default;
Page PageOcr::read(const PageImage &) const { return {}; }

#endif

} // namespace quire
