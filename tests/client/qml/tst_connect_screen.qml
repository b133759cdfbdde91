import QtQuick
import QtTest
import GopY
import GopY.Views

// The admission screen: the button waits for all three fields, and a server that does not
// answer ends in a Vietnamese error shown on the screen.
TestCase {
    id: testCase
    name: "ConnectScreen"
    width: 800
    height: 1280
    visible: true  // TestCase is invisible by default; the views under test must receive input
    when: windowShown

    Component {
        id: screenComponent
        ConnectScreen {
            width: testCase.width
            height: testCase.height
        }
    }

    function typeInto(field, text) {
        field.forceActiveFocus();
        field.selectAll();
        for (const ch of text)
            keyClick(ch);
    }

    function test_startsWithoutToken() {
        compare(App.connectionState, App.NeedsAdmission);
        compare(App.role, "");
    }

    function test_buttonNeedsAllFields() {
        const screen = createTemporaryObject(screenComponent, testCase);
        verify(screen);
        const address = findChild(screen, "addressField");
        const code = findChild(screen, "codeField");
        const device = findChild(screen, "deviceField");
        const button = findChild(screen, "connectButton");
        verify(address && code && device && button);
        compare(button.text, "Kết nối");
        verify(button.height >= 44, "touch target " + button.height);

        typeInto(address, "127.0.0.1:1");
        typeInto(device, "May thu ky 1");
        typeInto(code, "");
        verify(!button.enabled, "no code yet");
        typeInto(code, "K7Q2M9");
        compare(code.text, "K7Q2M9");
        verify(button.enabled);
    }

    function test_aPastedLinkFillsAddressCodeAndFingerprintWhicheverFieldItLandsIn() {
        const fp = "8b2f48bf90b99fce8520ed92ded3595f47c9ddcc0152b0771ef57093ab592725";
        const link = "gopy://192.168.1.10:8443/?code=DBMH-D5Q8&fp=" + fp;
        for (const where of ["addressField", "codeField"]) {
            const screen = createTemporaryObject(screenComponent, testCase);
            const address = findChild(screen, "addressField");
            const code = findChild(screen, "codeField");
            const field = findChild(screen, where);
            field.forceActiveFocus();
            field.selectAll();
            field.remove(0, field.length);
            field.insert(0, link);  // one change, as a paste makes
            compare(address.text, link, where);
            compare(code.text, "DBMH-D5Q8", where);
            verify(findChild(screen, "linkFingerprint").visible, where);
            compare(screen.link.fingerprint, fp, where);
        }
    }

    function test_unreachableServerKeepsTrying() {
        const screen = createTemporaryObject(screenComponent, testCase);
        const address = findChild(screen, "addressField");
        const code = findChild(screen, "codeField");
        const device = findChild(screen, "deviceField");
        const button = findChild(screen, "connectButton");
        const connecting = findChild(screen, "connectingRow");
        typeInto(address, "127.0.0.1:1");
        typeInto(device, "May thu ky 1");
        typeInto(code, "K7Q2M9");
        verify(button.enabled);
        verify(!connecting.visible);
        mouseClick(button);
        tryCompare(App, "connectionState", App.Connecting, 10000);
        compare(App.serverAddress, "127.0.0.1:1");
        verify(connecting.visible, "the screen says it is connecting");
        compare(App.role, "", "no role without an answer from a server");
        verify(button.enabled, "a wrong address can be corrected and tried again");
    }

    function test_badAddressIsExplained() {
        const screen = createTemporaryObject(screenComponent, testCase);
        const address = findChild(screen, "addressField");
        const code = findChild(screen, "codeField");
        const device = findChild(screen, "deviceField");
        const button = findChild(screen, "connectButton");
        const error = findChild(screen, "connectError");
        typeInto(address, "khong phai dia chi");
        typeInto(device, "May thu ky 1");
        typeInto(code, "K7Q2M9");
        mouseClick(button);
        tryVerify(() => App.lastError.length > 0, 10000, "an error for a malformed address");
        verify(error.visible);
        compare(error.text, App.lastError);
    }
}
