pragma ComponentBehavior: Bound
import QtQuick
import GopY

// Follows the queue's speaking turn: who speaks now and for how long (the queue model advances
// the speaking turn's seconds); empty when nobody speaks.
QtObject {
    id: current

    property string turnId: ""
    property string fullName: ""
    property string title: ""
    property double startedAt: 0
    property int secondsUsed: 0
    readonly property bool active: turnId.length > 0
    readonly property int seconds: secondsUsed

    property Instantiator rows: Instantiator {
        model: App.queue
        delegate: QtObject {
            id: row
            required property string turnId
            required property string fullName
            required property string title
            required property string state
            required property double startedAt
            required property int secondsUsed
            readonly property bool speaking: state === "speaking"

            function publish() {
                if (speaking) {
                    current.turnId = turnId;
                    current.fullName = fullName;
                    current.title = title;
                    current.startedAt = startedAt;
                    current.secondsUsed = secondsUsed;
                } else if (current.turnId === turnId) {
                    current.turnId = "";
                    current.fullName = "";
                    current.title = "";
                    current.startedAt = 0;
                    current.secondsUsed = 0;
                }
            }
            onSpeakingChanged: publish()
            onStartedAtChanged: publish()
            onSecondsUsedChanged: publish()
            Component.onCompleted: publish()
            Component.onDestruction: {
                if (current.turnId === turnId)
                    current.turnId = "";
            }
        }
    }
}
