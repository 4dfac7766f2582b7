// One loading indicator for any number of overlapping cloud function calls.

/** Shows and hides a loading indicator; `show` and `hide` always come in pairs. */
export interface LoadingIndicator {
  show(text: string): void;
  hide(): void;
}

// The mini-program global. Declared here with only what this file uses, so the file also
// type-checks where the mini-program typings are not loaded (the server and the tools).
declare const my: {
  showLoading(options: { content?: string }): void;
  hideLoading(): void;
};

/** The mini-program's own indicator: `my.showLoading` and `my.hideLoading`. */
export const miniProgramLoading: LoadingIndicator = {
  show(text) {
    my.showLoading({ content: text });
  },
  hide() {
    my.hideLoading();
  },
};

/** Counts active calls: shows the indicator when the first starts, hides it when the last ends. */
export interface LoadingCounter {
  begin(text: string): void;
  end(): void;
}

export function createLoadingCounter(indicator: LoadingIndicator): LoadingCounter {
  let active = 0;

  return {
    begin(text) {
      active += 1;
      if (active === 1) indicator.show(text);
    },
    end() {
      if (active === 0) return;
      active -= 1;
      if (active === 0) indicator.hide();
    },
  };
}
