// CSV state machine over a chunked buffer: a record may span chunk boundaries.
#include "server/intake/csv_reader.h"

namespace gopy::intake {

bool CsvReader::fill() {
    if (eof_) return false;
    in_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    size_ = static_cast<std::size_t>(in_.gcount());
    pos_ = 0;
    if (!started_) {
        started_ = true;
        if (size_ >= 3 && buffer_[0] == '\xEF' && buffer_[1] == '\xBB' && buffer_[2] == '\xBF') {
            pos_ = 3;
        }
    }
    if (size_ == 0) eof_ = true;
    return size_ > pos_ || (size_ > 0 && fill());
}

bool CsvReader::next(CsvRecord& record) {
    enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted };
    record.fields.clear();
    record.unterminatedQuote = false;
    record.line = line_;
    std::string field;
    State state = State::FieldStart;
    bool any = false;  // a character of this record was consumed

    for (;;) {
        if (pos_ >= size_ && !fill()) break;
        const char c = buffer_[pos_++];
        any = true;
        switch (state) {
            case State::FieldStart:
            case State::Unquoted:
                if (c == '"' && state == State::FieldStart) {
                    state = State::Quoted;
                } else if (c == ',') {
                    record.fields.push_back(std::move(field));
                    field.clear();
                    state = State::FieldStart;
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r') {
                        // CRLF is one line end; a lone CR is one too.
                        if (pos_ >= size_) fill();
                        if (pos_ < size_ && buffer_[pos_] == '\n') ++pos_;
                    }
                    ++line_;
                    record.fields.push_back(std::move(field));
                    return true;
                } else {
                    field.push_back(c);
                    state = State::Unquoted;
                }
                break;
            case State::Quoted:
                if (c == '"') {
                    state = State::QuoteInQuoted;
                } else {
                    if (c == '\n')
                        ++line_;
                    else if (c == '\r') {
                        if (pos_ >= size_) fill();
                        if (!(pos_ < size_ && buffer_[pos_] == '\n')) ++line_;
                    }
                    field.push_back(c);
                }
                break;
            case State::QuoteInQuoted:
                if (c == '"') {
                    field.push_back('"');
                    state = State::Quoted;
                } else if (c == ',') {
                    record.fields.push_back(std::move(field));
                    field.clear();
                    state = State::FieldStart;
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r') {
                        if (pos_ >= size_) fill();
                        if (pos_ < size_ && buffer_[pos_] == '\n') ++pos_;
                    }
                    ++line_;
                    record.fields.push_back(std::move(field));
                    return true;
                } else {
                    // Text after a closing quote ("ab"cd) is kept, as most spreadsheets do.
                    field.push_back(c);
                    state = State::Unquoted;
                }
                break;
        }
    }
    if (!any) return false;
    record.unterminatedQuote = state == State::Quoted;
    record.fields.push_back(std::move(field));
    return true;
}

}  // namespace gopy::intake
