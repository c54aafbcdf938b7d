import { removeTmpDirs } from "./tmp";

// Each test file removes the temp folders its tests made (`tmpDir`), whether they passed or not.
afterAll(removeTmpDirs);
