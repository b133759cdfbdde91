// What the secretary is typing in the comment editor, kept in client.db as it is typed, so a
// crash, a flat battery or an OS kill (kill -9) loses at most the last few hundred milliseconds:
// the text and every field of the editor, the speaker and turn, and — for an edit — the comment
// and the revision the editor loaded (so the restored edit is still saved against it). One draft
// per conference; it stays until the comment is saved or the secretary discards it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gopy/model.h"

namespace gopy::client {

class LocalDatabase;

struct UnsavedDraft {
    std::int64_t conferenceId = 0;
    std::string commentId;      ///< "" for a new comment
    std::int64_t baseRev = 0;   ///< the revision an edit started from; 0 for a new comment
    std::string participantId;
    std::string turnId;
    std::string speakerName;
    std::string text;
    std::vector<std::string> sections;
    std::string kind;           ///< wire name ("agreement", …)
    std::string proposedWording;
    std::string proposedLocation;
    bool written = false;
    int paragraph = 0;
    Millis savedAt = 0;
    bool operator==(const UnsavedDraft&) const = default;
};

/// The unsaved_drafts table of client.db.
class TypingStore {
public:
    /// Uses (creating if needed) the table in `db`, which must outlive this object.
    explicit TypingStore(LocalDatabase& db);

    /// Replaces the conference's draft, committed (synchronous=FULL) before it returns.
    /// Throws LocalStoreError.
    void save(const UnsavedDraft& draft);
    /// The conference's draft, nullopt when none.
    std::optional<UnsavedDraft> load(std::int64_t conferenceId) const;
    /// Drops the conference's draft (saved or discarded). Throws LocalStoreError.
    void clear(std::int64_t conferenceId);

private:
    LocalDatabase& db_;
};

}  // namespace gopy::client
