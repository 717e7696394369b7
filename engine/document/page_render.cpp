#include "document/page_render.h"

#include "core/error.h"

#ifdef QUIRE_HAVE_POPPLER
#include <poppler-document.h>
#include <poppler-version.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>
#endif

#include <algorithm>
#include <cmath>
#include <cstring>

namespace quire {

std::string pdf_library_version() {
#ifdef QUIRE_HAVE_POPPLER
    return "poppler " + poppler::version_string();
#else
    return "none";
#endif
}

#ifdef QUIRE_HAVE_POPPLER
struct PdfRenderer::Impl {
    std::unique_ptr<poppler::document> doc;
    poppler::page_renderer renderer;
    const poppler::page * page(int i, std::unique_ptr<poppler::page> & holder) const {
        if (i < 0 || i >= doc->pages()) fail(Status::BAD_INPUT, "no page " + std::to_string(i + 1) + " in this document");
        holder.reset(doc->create_page(i));
        if (!holder) fail(Status::BAD_INPUT, "page " + std::to_string(i + 1) + " cannot be read");
        return holder.get();
    }
};

PdfRenderer::PdfRenderer(const std::string & path, const std::string & password) : impl_(std::make_unique<Impl>()) {
    impl_->doc.reset(poppler::document::load_from_file(path, password, password));
    if (!impl_->doc) fail(Status::BAD_INPUT, path + " is not a readable PDF");
    if (impl_->doc->is_locked()) fail(Status::LOCKED, password.empty() ? path + " is protected: it needs a password" : "wrong password for " + path);
    impl_->renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    impl_->renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    impl_->renderer.set_image_format(poppler::image::format_argb32);
}

PdfRenderer::~PdfRenderer() = default;

int PdfRenderer::pages() const { return impl_->doc->pages(); }

double PdfRenderer::page_width(int page) const {
    std::unique_ptr<poppler::page> h;
    return impl_->page(page, h)->page_rect().width();
}

double PdfRenderer::page_height(int page) const {
    std::unique_ptr<poppler::page> h;
    return impl_->page(page, h)->page_rect().height();
}

PageImage PdfRenderer::render(int page, double dpi) const {
    std::unique_ptr<poppler::page> h;
    const poppler::page * p = impl_->page(page, h);
    const poppler::rectf r = p->page_rect();
    const double max_px = 64e6, px = r.width() * r.height() * (dpi / 72) * (dpi / 72);
    if (px > max_px) dpi *= std::sqrt(max_px / px);
    const poppler::image img = impl_->renderer.render_page(p, dpi, dpi);
    if (!img.is_valid()) fail(Status::BAD_INPUT, "page " + std::to_string(page + 1) + " cannot be drawn");
    PageImage out;
    out.width = img.width();
    out.height = img.height();
    out.scale = dpi / 72.0;
    out.argb.resize(static_cast<size_t>(out.width) * static_cast<size_t>(out.height));
    const char * data = img.const_data();
    for (int y = 0; y < out.height; ++y)
        std::memcpy(out.argb.data() + static_cast<size_t>(y) * static_cast<size_t>(out.width), data + static_cast<size_t>(y) * static_cast<size_t>(img.bytes_per_row()),
                    static_cast<size_t>(out.width) * 4);
    return out;
}
#else
struct PdfRenderer::Impl {};
PdfRenderer::PdfRenderer(const std::string & path, const std::string &) { fail(Status::UNSUPPORTED, "this build of Quire cannot show PDFs (no poppler-cpp): " + path); }
PdfRenderer::~PdfRenderer() = default;
int PdfRenderer::pages() const { return 0; }
double PdfRenderer::page_width(int) const { return 0; }
double PdfRenderer::page_height(int) const { return 0; }
PageImage PdfRenderer::render(int, double) const { return {}; }
#endif

} // namespace quire
