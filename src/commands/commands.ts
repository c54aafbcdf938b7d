/* The ribbon's function file. The add-in has only a "show task pane" button today. */
Office.onReady(() => {
  // Nothing to register yet.
});
