pragma Singleton
import QtQuick

// A wall clock ticking once a second; the running clocks of speaking turns bind to `now`.
QtObject {
    id: clock
    property double now: Date.now()

    property Timer ticker: Timer {
        interval: 1000
        repeat: true
        running: true
        onTriggered: clock.now = Date.now()
    }
}
