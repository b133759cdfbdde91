pragma Singleton
import QtQuick

// Sizes and colours shared by every view: one place to keep text readable at arm's length
// (base 18 px) and touch targets at least 48 px.
QtObject {
    readonly property string fontFamily: "Liberation Sans"
    readonly property int fontSize: 18
    readonly property int smallFont: 16
    readonly property int titleFont: 22
    readonly property int hallFont: 34
    readonly property int hallTitleFont: 46
    readonly property int touch: 48
    readonly property int spacing: 12
    readonly property int radius: 6

    readonly property color primary: "#b71c1c"
    readonly property color accent: "#c62828"
    readonly property color ink: "#1f1f1f"
    readonly property color muted: "#5f6368"
    readonly property color paper: "#ffffff"
    readonly property color canvas: "#f4f1ec"
    readonly property color line: "#d9d4cc"
    readonly property color ok: "#2e7d32"
    readonly property color warn: "#ef6c00"
    readonly property color bad: "#c62828"
    readonly property color flag: "#f9a825"
    readonly property color selected: "#fde9e7"

    // Formats a number of seconds as m:ss or h:mm:ss for the speaking clocks.
    function duration(seconds: real): string {
        const s = Math.max(0, Math.floor(seconds));
        const h = Math.floor(s / 3600);
        const m = Math.floor((s % 3600) / 60);
        const r = s % 60;
        const mm = h > 0 && m < 10 ? "0" + m : "" + m;
        const ss = r < 10 ? "0" + r : "" + r;
        return h > 0 ? h + ":" + mm + ":" + ss : mm + ":" + ss;
    }
}
