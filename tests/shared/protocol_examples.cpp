#include "protocol_examples.h"

namespace gopy::testing {

using namespace gopy::proto;

namespace {

constexpr Millis kMorning = 1740972600000;  // 2025-03-03 03:30 UTC, 10:30 in Hà Nội

Campaign sampleCampaign() {
    Campaign c;
    c.title = "Lấy ý kiến góp ý Dự thảo Báo cáo chính trị Đại hội đại biểu Đảng bộ quận";
    c.draftTitle = "Dự thảo Báo cáo chính trị Đại hội đại biểu Đảng bộ quận Ba Đình lần thứ XXVII";
    c.planNumber = "273-KH/QU";
    c.letterhead.parentBody = "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI";
    c.letterhead.issuingBody = "QUẬN ỦY BA ĐÌNH";
    c.letterhead.issuingCode = "QU";
    c.letterhead.placeName = "Ba Đình";
    c.letterhead.signerOnBehalf = "T/M BAN THƯỜNG VỤ";
    c.letterhead.signerRole = "PHÓ BÍ THƯ THƯỜNG TRỰC";
    c.letterhead.signerName = "Nguyễn Công Thành";
    c.letterhead.recipients = {"Ban Tuyên giáo Thành ủy,", "Lưu Văn phòng Quận ủy."};
    c.conferencesFrom = "2025-01-01";
    c.conferencesTo = "2025-06-30";
    c.publicFrom = "2025-02-03";
    c.publicTo = "2025-06-15";
    c.grassrootsDue = "2025-06-20";
    c.synthesisDue = "2025-07-01";
    c.wards = {"Phúc Xá", "Trúc Bạch"};
    return c;
}

Section sampleSection(std::string code, std::string parent, int level, int ord, std::string label,
                      std::string title) {
    Section s;
    s.code = std::move(code);
    s.parentCode = std::move(parent);
    s.level = level;
    s.ord = ord;
    s.label = std::move(label);
    s.title = std::move(title);
    return s;
}

Turn sampleTurn() {
    Turn t;
    t.id = "7d1c2f0e-3b1a-4c55-9a57-2f4b8e1d6a01";
    t.conferenceId = 2;
    t.participantId = "p-0007";
    t.position = 3.5;
    t.state = TurnState::Speaking;
    t.startedAt = kMorning;
    return t;
}

CommentConflict sampleConflict() {
    CommentConflict c;
    c.id = 12;
    c.commentId = "c3a9e1d2-5f6b-4e7a-8c9d-0a1b2c3d4e5f";
    c.baseRev = 1;
    c.text = "Đề nghị nêu rõ hơn kết quả chuyển đổi số ở cấp phường.";
    c.deviceName = "Máy tính bảng thư ký 2";
    c.at = kMorning + 95000;
    return c;
}

ReportInfo sampleReport() {
    ReportInfo r;
    r.id = 4;
    r.conferenceId = 2;
    r.version = 1;
    r.sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    r.createdAt = kMorning + 7200000;
    r.released = true;
    return r;
}

CommentUpdate sampleUpdate() {
    CommentUpdate u;
    u.commentId = "c3a9e1d2-5f6b-4e7a-8c9d-0a1b2c3d4e5f";
    u.baseRev = 1;
    u.text = "Đề nghị sửa “đẩy mạnh” thành “tập trung lãnh đạo, chỉ đạo thực hiện quyết liệt”.";
    u.sections = {"II.3"};
    u.kind = CommentKind::Amendment;
    u.proposed = ProposedWording{"tập trung lãnh đạo, chỉ đạo thực hiện quyết liệt",
                                 "Phần II, mục 3, đoạn 2, trang 14, dòng 5"};
    u.written = true;
    u.resolves = {12};
    u.paragraph = 2;
    return u;
}

constexpr const char* kGroupId = "g-5e2b7c90-1d4f-4a3b-9c8e-7f6a5b4c3d2e";

CommentGroup sampleGroup() {
    CommentGroup g;
    g.id = kGroupId;
    g.section = "II.3";
    g.commentIds = {"pub-000118", "c3a9e1d2-5f6b-4e7a-8c9d-0a1b2c3d4e5f"};
    g.acceptance = Acceptance::Partly;
    g.explanation = "Tiếp thu ý nêu rõ chuyển đổi số cấp phường; giữ cụm từ “đẩy mạnh”.";
    return g;
}

GrassrootsOrganisation sampleOrganisation() {
    GrassrootsOrganisation o;
    o.id = 3;
    o.name = "Chi bộ Khu dân cư số 5, phường Phúc Xá";
    o.due = "2025-05-31";
    o.reportedAt = kMorning + 86400000;
    return o;
}

}  // namespace

Comment samplePublicComment() {
    Comment c;
    c.id = "pub-000118";
    c.conferenceId = 6;
    c.sections = {"II.3"};
    c.kind = CommentKind::Addition;
    c.text = "Đề nghị bổ sung chỉ tiêu về dịch vụ công trực tuyến ở cấp phường.";
    c.rev = 1;
    c.createdAt = kMorning + 1800000;
    c.updatedAt = kMorning + 1800000;
    c.origin = CommentOrigin{"Phúc Xá", "Trần Thị Bích Ngọc", "0912 345 678",
                             "2025-03-02T20:15:00+07:00", false, 0};
    c.paragraph = 2;
    c.acceptance = Acceptance::Accepted;
    c.acceptanceNote = "Đã bổ sung vào đoạn 2 mục II.3.";
    return c;
}

Conference sampleConference() {
    Conference c;
    c.id = 2;
    c.title = "Hội nghị lấy ý kiến các đồng chí lão thành cách mạng, nguyên lãnh đạo";
    c.channel = Channel::Conference;
    c.chairBody = "Ban Thường vụ Quận ủy";
    c.audience = "Lão thành cách mạng, nguyên lãnh đạo Trung ương, Thành phố";
    c.date = "2025-03-03";
    c.place = "Hội trường Quận ủy Ba Đình";
    c.chairPerson = "Nguyễn Công Thành";
    c.state = ConferenceState::InSession;
    c.presentCount = 48;
    c.startedAt = kMorning;
    c.endedAt = kMorning + 3 * 3600000;
    return c;
}

Participant sampleParticipant() {
    Participant p;
    p.id = "p-0007";
    p.conferenceId = 2;
    p.fullName = "Đặng Thị Ánh Tuyết";
    p.title = "nguyên Phó Bí thư Thường trực Quận ủy";
    p.organisation = "Chi bộ khu dân cư số 4, phường Kim Mã";
    p.group = "Nguyên lãnh đạo quận";
    p.present = true;
    return p;
}

Comment sampleComment() {
    Comment c;
    c.id = "c3a9e1d2-5f6b-4e7a-8c9d-0a1b2c3d4e5f";
    c.conferenceId = 2;
    c.participantId = "p-0007";
    c.turnId = "7d1c2f0e-3b1a-4c55-9a57-2f4b8e1d6a01";
    c.sections = {"II.3", "II.3.a"};
    c.kind = CommentKind::Amendment;
    c.text = "Đề nghị sửa cụm từ “đẩy mạnh” thành “tập trung lãnh đạo, chỉ đạo”.";
    c.proposed = ProposedWording{"tập trung lãnh đạo, chỉ đạo", "Phần II, mục 3, đoạn 2, trang 14"};
    c.written = false;
    c.flagged = true;
    c.rev = 2;
    c.createdAt = kMorning + 60000;
    c.updatedAt = kMorning + 90000;
    return c;
}

std::vector<Operation> fullOperations() {
    Comment created = sampleComment();
    created.flagged = false;
    created.rev = 0;
    created.updatedAt = 0;
    return {
        SessionStart{kMorning},
        SessionEnd{kMorning + 3 * 3600000},
        AttendanceSet{"p-0007", false},
        HeadCount{48},
        ParticipantAdd{sampleParticipant()},
        QueueAdd{"7d1c2f0e-3b1a-4c55-9a57-2f4b8e1d6a01", "p-0007", 3.5},
        QueueMove{"7d1c2f0e-3b1a-4c55-9a57-2f4b8e1d6a01", 1.25},
        QueueRemove{"7d1c2f0e-3b1a-4c55-9a57-2f4b8e1d6a01"},
        TurnStart{"7d1c2f0e-3b1a-4c55-9a57-2f4b8e1d6a01", kMorning + 30000},
        TurnStop{"7d1c2f0e-3b1a-4c55-9a57-2f4b8e1d6a01", kMorning + 330000},
        CommentCreate{created},
        sampleUpdate(),
        CommentDelete{"c3a9e1d2-5f6b-4e7a-8c9d-0a1b2c3d4e5f"},
        CommentFlag{"c3a9e1d2-5f6b-4e7a-8c9d-0a1b2c3d4e5f", true},
        ReportRelease{4},
        CommentAssign{{"pub-000118", "pub-000119"}, {"II.3", "II.3.a"}},
        GroupSet{kGroupId, "II.3", {"pub-000118", "c3a9e1d2-5f6b-4e7a-8c9d-0a1b2c3d4e5f"}},
        AcceptanceSet{kGroupId, "", Acceptance::Partly, sampleGroup().explanation},
        GrassrootsReport{3, kMorning + 86400000},
    };
}

std::vector<Operation> minimalOperations() {
    Participant p;
    p.id = "p-0100";
    p.fullName = "Lê Văn Ước";
    Comment c;
    c.id = "c-1";
    c.participantId = "p-0100";
    c.kind = CommentKind::Agreement;
    c.text = "Nhất trí cao với Dự thảo.";
    CommentUpdate u;
    u.commentId = "c-1";
    u.baseRev = 1;
    u.text = "Nhất trí với bố cục của Dự thảo.";
    return {
        SessionStart{},
        SessionEnd{},
        AttendanceSet{"p-0100", true},
        HeadCount{0},
        ParticipantAdd{p},
        QueueAdd{"t-1", "p-0100", 0},
        QueueMove{"t-1", -2},
        QueueRemove{"t-1"},
        TurnStart{"t-1", 0},
        TurnStop{"t-1", 0},
        CommentCreate{c},
        u,
        CommentDelete{"c-1"},
        CommentFlag{"c-1", false},
        ReportRelease{0},
        CommentAssign{},
        GroupSet{"g-1", "", {}},
        AcceptanceSet{"", "c-1", Acceptance::Pending, ""},
        GrassrootsReport{1, 0},
    };
}

std::vector<NamedMessage> documentedMessages() {
    std::vector<NamedMessage> out;
    out.push_back({"admit", Admit{"K7QM-4XRT", "Máy tính bảng thư ký 1"}});
    out.push_back({"hello", Hello{"b1f0c7d2a9e84f3b8c6d5e4f3a2b1c0d"}});

    Welcome w;
    w.deviceId = "d-3f9a";
    w.deviceName = "Máy tính bảng thư ký 1";
    w.role = Role::Secretary;
    w.conferenceId = 2;
    w.token = "b1f0c7d2a9e84f3b8c6d5e4f3a2b1c0d";
    w.serverVersion = "0.1.0";
    w.campaign = sampleCampaign();
    w.sections = {
        sampleSection("II", "", 1, 5, "Phần II", "Phương hướng, mục tiêu, nhiệm vụ 2025–2030"),
        sampleSection("II.3", "II", 2, 8, "3.", "Phát triển kinh tế, chuyển đổi số"),
    };
    w.conferences = {sampleConference()};
    w.paragraphs = {
        ParagraphHead{"II.3", 1, "Tập trung phát triển kinh tế số, xã hội số gắn với cải cách hành chính…"},
        ParagraphHead{"II.3", 2, "Đẩy mạnh chuyển đổi số ở cấp phường."},
    };
    out.push_back({"welcome", w});

    out.push_back({"subscribe", Subscribe{2, 118}});

    Snapshot s;
    s.head = 118;
    s.conference = sampleConference();
    s.participants = {sampleParticipant()};
    s.turns = {sampleTurn()};
    s.comments = {sampleComment()};
    s.conflicts = {sampleConflict()};
    s.reports = {sampleReport()};
    out.push_back({"snapshot", s});

    Event created;
    created.seq = 119;
    created.conferenceId = 2;
    created.at = kMorning + 60000;
    created.deviceId = "d-3f9a";
    Comment newComment = sampleComment();
    newComment.flagged = false;
    newComment.rev = 1;
    newComment.updatedAt = newComment.createdAt;
    Comment sent = newComment;
    sent.rev = 0;
    sent.updatedAt = 0;
    created.op = CommentCreate{sent};
    created.comment = newComment;
    Event conflicted;
    conflicted.seq = 120;
    conflicted.conferenceId = 2;
    conflicted.at = kMorning + 95000;
    conflicted.deviceId = "d-7b21";
    CommentUpdate stale = sampleUpdate();
    stale.text = sampleConflict().text;
    stale.sections = {"II.3"};
    stale.kind = CommentKind::Addition;
    stale.proposed.reset();
    stale.written = false;
    stale.resolves.clear();
    stale.paragraph.reset();
    conflicted.op = stale;
    conflicted.comment = sampleComment();
    conflicted.conflict = sampleConflict();
    Events e;
    e.conferenceId = 2;
    e.head = 120;
    e.events = {created, conflicted};
    out.push_back({"events", e});

    Event removed;
    removed.seq = 121;
    removed.conferenceId = 2;
    removed.at = kMorning + 100000;
    removed.deviceId = "d-3f9a";
    removed.op = QueueRemove{"7d1c2f0e-3b1a-4c55-9a57-2f4b8e1d6a01"};
    removed.removedTurnId = "7d1c2f0e-3b1a-4c55-9a57-2f4b8e1d6a01";
    Event resolved;
    resolved.seq = 122;
    resolved.conferenceId = 2;
    resolved.at = kMorning + 120000;
    resolved.deviceId = "d-3f9a";
    resolved.op = sampleUpdate();
    Comment merged = sampleComment();
    merged.rev = 3;
    merged.text = sampleUpdate().text;
    merged.sections = sampleUpdate().sections;
    merged.proposed = sampleUpdate().proposed;
    merged.written = true;
    merged.paragraph = 2;
    merged.updatedAt = kMorning + 120000;
    resolved.comment = merged;
    resolved.resolvedConflicts = {12};
    Event released;
    released.seq = 123;
    released.conferenceId = 2;
    released.at = kMorning + 7300000;
    released.deviceId = "d-0001";
    released.op = ReportRelease{4};
    released.report = sampleReport();
    Event ended;
    ended.seq = 124;
    ended.conferenceId = 2;
    ended.at = kMorning + 3 * 3600000;
    ended.deviceId = "d-3f9a";
    ended.op = SessionEnd{kMorning + 3 * 3600000};
    Conference concluded = sampleConference();
    concluded.state = ConferenceState::Concluded;
    ended.conference = concluded;
    Events more;
    more.conferenceId = 2;
    more.head = 124;
    more.events = {removed, resolved, released, ended};
    out.push_back({"events (removal, resolution, report, session end)", more});

    Welcome grassroots = w;
    grassroots.deviceId = "d-8c40";
    grassroots.deviceName = "Máy tính Chi bộ Khu dân cư số 5";
    grassroots.role = Role::Grassroots;
    grassroots.conferenceId = 7;
    grassroots.token.clear();
    grassroots.conferences.clear();
    grassroots.organisationId = 3;
    grassroots.paragraphs.clear();
    out.push_back({"welcome (grassroots reporter)", grassroots});

    Snapshot publicChannel;
    publicChannel.head = 305;
    publicChannel.conference.id = 6;
    publicChannel.conference.title = "Góp ý của Nhân dân";
    publicChannel.conference.channel = Channel::Public;
    publicChannel.conference.chairBody = "Ủy ban MTTQ quận";
    publicChannel.conference.state = ConferenceState::InSession;
    publicChannel.comments = {samplePublicComment()};
    publicChannel.groups = {sampleGroup()};
    out.push_back({"snapshot (public channel with a group)", publicChannel});

    Event assigned;
    assigned.seq = 306;
    assigned.conferenceId = 6;
    assigned.at = kMorning + 2000000;
    assigned.deviceId = "d-5a11";
    assigned.op = CommentAssign{{"pub-000118"}, {"II.3"}};
    Comment assignedComment = samplePublicComment();
    assignedComment.acceptance = Acceptance::Pending;
    assignedComment.acceptanceNote.clear();
    assigned.comments = {assignedComment};
    Event grouped;
    grouped.seq = 307;
    grouped.conferenceId = 6;
    grouped.at = kMorning + 2100000;
    grouped.deviceId = "d-5a11";
    grouped.op = AcceptanceSet{kGroupId, "", Acceptance::Partly, sampleGroup().explanation};
    grouped.group = sampleGroup();
    Event reported;
    reported.seq = 308;
    reported.conferenceId = 7;
    reported.at = kMorning + 86400000;
    reported.deviceId = "d-8c40";
    reported.op = GrassrootsReport{3, kMorning + 86400000};
    reported.organisation = sampleOrganisation();
    Events drafting;
    drafting.conferenceId = 6;
    drafting.head = 307;
    drafting.events = {assigned, grouped};
    out.push_back({"events (assignment, acceptance)", drafting});
    // Logged under the grassroots channel's conference: its subscribers get it.
    Events grassrootsChannel;
    grassrootsChannel.conferenceId = 7;
    grassrootsChannel.head = 308;
    grassrootsChannel.events = {reported};
    out.push_back({"events (grassroots report)", grassrootsChannel});
    // An imported public row, logged by `gopy-server import-public` as the pseudo-device
    // "import" and pushed by the running server.
    Comment imported;
    imported.id = "pub-3f1c9a0e5b7d2c4a8e6f1b3d";
    imported.conferenceId = 6;
    imported.sections = {"I"};
    imported.text = "Đề nghị bổ sung giải pháp phát triển văn hoá, thể thao ở khu dân cư.";
    imported.rev = 1;
    imported.createdAt = kMorning - 86400000;
    imported.updatedAt = kMorning + 3600000;
    imported.origin = CommentOrigin{"Phúc Xá", "Nguyễn Thị Hoa", "", "2025-03-05T00:00:00+07:00",
                                    false, 0};
    Event importedEvent;
    importedEvent.seq = 412;
    importedEvent.conferenceId = 6;
    importedEvent.at = kMorning + 3600000;
    importedEvent.deviceId = "import";
    importedEvent.op = CommentCreate{imported};
    importedEvent.comment = imported;
    Events importedEvents;
    importedEvents.conferenceId = 6;
    importedEvents.head = 412;
    importedEvents.events = {importedEvent};
    out.push_back({"events (imported row)", importedEvents});

    std::int64_t seq = 1;
    for (const Operation& op : fullOperations()) {
        OpRequest r;
        r.clientId = "d-3f9a";
        r.clientSeq = seq++;
        // Drafting operations name the conference of their first comment (here the public
        // channel's), a grassroots report the grassroots channel's conference.
        const bool drafting = std::holds_alternative<CommentAssign>(op) ||
                              std::holds_alternative<GroupSet>(op) ||
                              std::holds_alternative<AcceptanceSet>(op);
        r.conferenceId = drafting ? 6 : std::holds_alternative<GrassrootsReport>(op) ? 7 : 2;
        r.op = op;
        out.push_back({"op " + std::string(kindName(op)), r});
    }

    out.push_back({"ack", Ack{7, 131, false}});
    out.push_back({"ack (duplicate)", Ack{5, 127, true}});
    out.push_back(
        {"nack (gap)", Nack{9, ErrorCode::Gap, "Thiếu thao tác trước đó; gửi lại từ số 8.", 8}});
    out.push_back(
        {"nack (forbidden)",
         Nack{10, ErrorCode::Forbidden, "Vai trò của thiết bị không được phép thao tác này.", 0}});
    out.push_back({"typing", Typing{2, "c3a9e1d2-5f6b-4e7a-8c9d-0a1b2c3d4e5f", 1, "p-0007",
                                    "Đề nghị bổ sung nội dung về chuyển đổi số",
                                    "Máy tính bảng thư ký 1", false}});
    out.push_back({"error", Error{ErrorCode::Unauthenticated, "Thiết bị chưa được xác thực."}});
    out.push_back({"dashboard_get", DashboardGet{"2025-06-20"}});

    Dashboard d;
    d.today = "2025-06-20";
    d.deadlines = {
        Deadline{"conferences", "Tổ chức các hội nghị lấy ý kiến (quý I–II/2025)", "2025-01-01",
                 "2025-06-30", DeadlineStatus::Due, 4, 5},
        Deadline{"public_window", "Lấy ý kiến Nhân dân", "2025-02-03", "2025-06-15",
                 DeadlineStatus::Done, 0, 0},
        Deadline{"grassroots", "Báo cáo của tổ chức cơ sở đảng", "", "2025-05-31",
                 DeadlineStatus::Late, 7, 10},
        Deadline{"synthesis", "Tổng hợp, hoàn thành trước 01/7/2025", "", "2025-06-30",
                 DeadlineStatus::Due, 0, 0},
    };
    d.organisations = {sampleOrganisation()};
    d.unassigned = {"pub-000119", "pub-000120"};
    CommentGroup suggestion;
    suggestion.section = "II.3";
    suggestion.commentIds = {"pub-000121", "pub-000122"};
    d.suggestions = {suggestion};
    out.push_back({"dashboard", d});
    return out;
}

std::vector<Message> minimalMessages() {
    Welcome w;
    w.deviceId = "d-1";
    w.deviceName = "Màn hình chủ tọa";
    w.role = Role::Chair;
    w.campaign.title = "Góp ý Dự thảo";
    Snapshot s;
    s.conference.id = 1;
    s.conference.title = "Hội nghị doanh nghiệp";
    Event ev;
    ev.seq = 1;
    ev.conferenceId = 1;
    ev.op = SessionStart{};
    Events e;
    e.conferenceId = 1;
    e.head = 1;
    Events withEvent = e;
    withEvent.events = {ev};
    OpRequest op;
    op.clientId = "d-1";
    op.clientSeq = 1;
    op.conferenceId = 1;
    op.op = SessionStart{};
    return {
        Admit{"", ""},
        Hello{""},
        w,
        Subscribe{1, 0},
        s,
        e,
        withEvent,
        op,
        Ack{1, 1, false},
        Nack{1, ErrorCode::Invalid, "", 0},
        Typing{1, "c-1", 0, "", "", "", true},
        Error{ErrorCode::Internal, ""},
        DashboardGet{},
        Dashboard{"2025-01-01", {}, {}, {}, {}},
    };
}

}  // namespace gopy::testing
