// A document whose pages were all extracted when it was opened (text, Markdown, EPUB):
// DocumentSource over pages held in memory (internal to engine/document).
#pragma once

#include "core/error.h"
#include "document/document_source.h"

namespace quire {

class MemorySource : public DocumentSource {
public:
    MemorySource(DocumentInfo info, std::vector<Page> pages, std::vector<OutlineItem> outline)
        : info_(std::move(info)), pages_(std::move(pages)), outline_(std::move(outline)) {
        info_.pages = static_cast<int>(pages_.size());
    }
    const DocumentInfo & info() const override { return info_; }
    const std::vector<OutlineItem> & outline() const override { return outline_; }
    Page page(int i) const override {
        if (i < 0 || i >= static_cast<int>(pages_.size())) fail(Status::BAD_INPUT, "no page or section " + std::to_string(i + 1));
        return pages_[static_cast<size_t>(i)];
    }

private:
    DocumentInfo info_;
    std::vector<Page> pages_;
    std::vector<OutlineItem> outline_;
};

} // namespace quire
