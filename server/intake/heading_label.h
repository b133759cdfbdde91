// The printed label at the start of a heading ("Phần I", "PHẦN THỨ NHẤT", "II.", "3.", "a)")
// and the code component it stands for.
#pragma once

#include <string>
#include <string_view>

namespace gopy::intake {

enum class LabelKind { None, Roman, Number, Letter };

struct HeadingLabel {
    std::string label;  ///< as printed, without a trailing ":"; empty if none
    std::string title;  ///< the rest of the heading
    LabelKind kind = LabelKind::None;
    int number = 0;      ///< value for Roman and Number ("Phần thứ hai" → Roman 2)
    std::string letter;  ///< for Letter: the lower-case letter ("a", "đ")
};

/// Splits a heading into its label and title. Recognises "Phần"/"PHẦN" followed by a Roman or
/// Arabic numeral or "thứ nhất" … "thứ mười"; a Roman numeral, a (dotted) number or one letter
/// followed by "." or ")".
HeadingLabel parseHeadingLabel(std::string_view heading);

/// 1 → "I", 14 → "XIV" (1–3999; other values as decimal).
std::string toRoman(int value);
/// "XIV" → 14 (upper or lower case, canonical form only); 0 if not a Roman numeral.
int fromRoman(std::string_view numeral);

}  // namespace gopy::intake
