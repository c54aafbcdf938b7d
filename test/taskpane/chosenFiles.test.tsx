import { fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { LangContext } from "../../src/taskpane/i18n";
import { ChosenFiles } from "../../src/taskpane/merge/ChosenFiles";

/** Choosing files says when the user starts to choose, so the merge view can start its readers then. */
function setup() {
  const choosing = jest.fn();
  render(
    <FluentProvider theme={webLightTheme}>
      <LangContext.Provider value="th">
        <ChosenFiles files={[]} onChange={() => undefined} disabled={false} onChoosing={choosing} />
      </LangContext.Provider>
    </FluentProvider>
  );
  return choosing;
}

it("says the user is choosing when the file dialog opens", () => {
  const choosing = setup();
  fireEvent.click(screen.getByRole("button", { name: "เลือกไฟล์ .xlsx ของเขต (เลือกได้หลายไฟล์)" }));
  expect(choosing).toHaveBeenCalledTimes(1);
});

it("says it once when files are dragged over, again after they left and come back", () => {
  const choosing = setup();
  const area = screen.getByRole("button", { name: /เลือกไฟล์/ }).parentElement!;
  fireEvent.dragOver(area);
  fireEvent.dragOver(area);
  expect(choosing).toHaveBeenCalledTimes(1);
  fireEvent.dragLeave(area);
  fireEvent.dragOver(area);
  expect(choosing).toHaveBeenCalledTimes(2);
});
