/* Progressive enhancement only: every feature here also works without JavaScript. */
