// The acceptance table (bảng tổng hợp tiếp thu, giải trình), alone or as an appendix.
#include <algorithm>
#include <array>
#include <ranges>
#include <string>
#include <unordered_map>

#include "server/report/compose_parts.h"
#include "server/report/date_words.h"
#include "server/report/report_composer.h"

namespace gopy::server::report {

using namespace compose;

std::vector<Block> ReportComposer::acceptance(const AcceptanceReport& r, const PageGeometry& g) {
    std::vector<Block> out;
    appendLetterhead(out, r.heading, g);
    appendTitle(out, "Tiếp thu, giải trình ý kiến góp ý vào " + r.heading.draftTitle,
                "BẢNG TỔNG HỢP");
    int groups = 0;
    for (const AcceptanceRow& a : r.rows) groups += a.groupId.empty() ? 0 : 1;
    out.emplace_back(
        para({Run{"Thực hiện Kế hoạch số " + r.heading.planNumber +
                      ", Tổ biên tập tổng hợp việc tiếp thu, giải trình ý kiến góp ý "
                      "vào " +
                      r.heading.draftTitle + " như sau. " + acceptanceSummary(r.byDecision, groups),
                  Face::Regular}}));
    if (r.rows.empty()) {
        out.emplace_back(
            para({Run{"Chưa có ý kiến góp ý vào phần, mục cụ thể của Dự thảo.", Face::Regular}}));
    } else {
        out.emplace_back(acceptanceTable(r.rows, g));
    }
    appendSignature(out, r.heading, g);
    return out;
}

std::string ReportComposer::acceptanceSummary(const std::array<int, 4>& byDecision, int groups) {
    int total = 0;
    for (int n : byDecision) total += n;
    std::string s = "Có " + count(total) + " nội dung cần tiếp thu, giải trình (" + count(groups) +
                    " nhóm ý kiến giống nhau và " + count(total - groups) + " ý kiến riêng): ";
    const std::array<Acceptance, 4> order = {Acceptance::Accepted, Acceptance::Partly,
                                             Acceptance::NotAccepted, Acceptance::Pending};
    bool first = true;
    for (Acceptance a : order) {
        if (!first) s += "; ";
        first = false;
        s += count(byDecision[static_cast<std::size_t>(a)]) + " " + std::string(labelVi(a));
    }
    return s + ".";
}

std::string ReportComposer::decisionLabel(Acceptance decision) {
    switch (decision) {
        case Acceptance::Accepted:
            return "Tiếp thu";
        case Acceptance::Partly:
            return "Tiếp thu một phần";
        case Acceptance::NotAccepted:
            return "Không tiếp thu";
        case Acceptance::Pending:
            return "Chưa xem xét";
    }
    return "Chưa xem xét";
}

Table ReportComposer::acceptanceTable(const std::vector<AcceptanceRow>& rows, const PageGeometry& g,
                                      std::size_t excerptWords) {
    Table t;
    t.size = 11;
    const double w = g.bodyWidth();
    t.widths = {28, 82, w - 28 - 82 - 92 - 58 - 92, 92, 58, 92};
    t.header = {{{Run{"STT"}}, Align::Centre},
                {{Run{"Vị trí trong Dự thảo"}}, Align::Centre},
                {{Run{"Nội dung ý kiến"}}, Align::Centre},
                {{Run{"Người góp ý (số ý kiến)"}}, Align::Centre},
                {{Run{"Tiếp thu"}}, Align::Centre},
                {{Run{"Giải trình"}}, Align::Centre}};
    t.rows.reserve(rows.size());
    for (const AcceptanceRow& a : rows) {
        t.rows.push_back(
            {{{Run{count(a.number)}}, Align::Centre},
             {{Run{a.location}}, Align::Left},
             {{Run{excerptWords > 0 ? excerpt(a.comment, excerptWords) : a.comment}}, Align::Left},
             {{Run{a.who + " (" + count(a.howMany) + ")"}}, Align::Left},
             {{Run{decisionLabel(a.decision)}}, Align::Left},
             {{Run{a.reason}}, Align::Left}});
    }
    return t;
}

}  // namespace gopy::server::report
