// The parts every report is composed of (letterhead, title, headings, a comment with its
// author, signature, appendix titles, table cells), shared by the three composers:
// conference_composer.cpp, combined_composer.cpp and acceptance_composer.cpp. Internal to
// server/report.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "server/report/layout_types.h"
#include "server/report/report_model.h"

namespace gopy::server::report::compose {

inline constexpr double kCm = 72 / 2.54;
inline constexpr double kBody = 14;
inline constexpr double kIndent = 1 * kCm;

inline constexpr std::array<CommentKind, kKindCount> kKinds = {
    CommentKind::Agreement, CommentKind::Addition,       CommentKind::Amendment,
    CommentKind::Deletion,  CommentKind::Recommendation, CommentKind::Other};

ParagraphStyle body();
ParagraphStyle centred(double size, double spaceBefore = 0, double spaceAfter = 0);
Paragraph para(std::vector<Run> runs, ParagraphStyle style = body());
Paragraph heading(const std::string& text, Face face = Face::Bold, double spaceBefore = 6,
                  int outlineLevel = 1);
std::string count(int n);
/// "(12) Đồng chí Nguyễn Văn An (Phó Chủ tịch …)" as runs; `comrade` false for sources whose
/// authors are not all Party members (the combined synthesis names people plainly).
void appendAuthor(std::vector<Run>& runs, const CommentEntry& e, const std::string& prefix,
                  bool comrade);
/// The comment as a paragraph, and its proposed wording verbatim as a second one.
void appendComment(std::vector<Block>& out, const CommentEntry& e, const std::string& prefix,
                   const std::string& where, bool comrade = true);
void appendLetterhead(std::vector<Block>& out, const Heading& h, const PageGeometry& g);
void appendTitle(std::vector<Block>& out, const std::string& subject,
                 const std::string& type = "BÁO CÁO");
void appendSignature(std::vector<Block>& out, const Heading& h, const PageGeometry& g);
void appendAppendixTitle(std::vector<Block>& out, const std::string& label,
                         const std::string& title, const Heading& h);
/// "7/12 ý kiến nhất trí; 2/12 ý kiến đề nghị bổ sung; …" for a section.
std::string countsSentence(const KindCounts& counts);
std::string speakerCell(const CommentEntry& e);
/// The opening words of a comment, verbatim: part II quotes every comment in full, so the
/// appendix table only has to identify it (and stays a fraction of the document's length).
std::string excerpt(const std::string& text, std::size_t words);
std::string contentCell(const CommentEntry& e);
std::string locationsOf(const std::vector<Section>& outline, const CommentEntry& e);
/// Headings of the outline nodes above `pos` not printed yet, then the node's own heading.
void appendSectionHeadings(std::vector<Block>& out, const std::vector<Section>& outline,
                           const Section& section, std::vector<std::string>& printed);

}  // namespace gopy::server::report::compose
