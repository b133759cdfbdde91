import QtQuick
import QtTest
import GopY
import GopY.Views

// The window: without a device token it shows the admission screen under a header bar that
// states the connection.
TestCase {
    id: testCase
    name: "Main"
    visible: true  // TestCase is invisible by default; the views under test must receive input
    when: windowShown

    Component {
        id: mainComponent
        Main {
            visible: false
            width: 800
            height: 1280
        }
    }

    function test_showsConnectScreenWithoutToken() {
        const window = createTemporaryObject(mainComponent, testCase);
        verify(window);
        const loader = findChild(window.contentItem, "roleView");
        verify(loader);
        tryVerify(() => loader.item !== null);
        compare(loader.item.objectName, "connectScreen");
        verify(window.portrait);
    }

    function test_headerShowsConnectionState() {
        const window = createTemporaryObject(mainComponent, testCase);
        const label = findChild(window.header, "connectionStateLabel");
        verify(label);
        compare(App.connectionState, App.NeedsAdmission);
        compare(label.text, "Chưa được cấp quyền");
        const role = findChild(window.header, "roleLabel");
        verify(!role.visible, "no role before admission");
    }

    function test_fontIsReadable() {
        const window = createTemporaryObject(mainComponent, testCase);
        compare(window.font.family, "Liberation Sans");
        verify(window.font.pixelSize >= 16);
    }
}
