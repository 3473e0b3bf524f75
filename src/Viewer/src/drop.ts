// Files dropped anywhere on the page, or picked with the drop zone's file input, replace what it shows.
import { readFile } from "./load";

export function acceptFiles(input: HTMLInputElement, load: (text: string, fileName: string) => void): void {
  const open = async (file: File) => load(await readFile(file), file.name);
  document.addEventListener("dragover", (e) => {
    e.preventDefault();
    document.body.classList.add("dragging");
  });
  document.addEventListener("dragleave", () => document.body.classList.remove("dragging"));
  document.addEventListener("drop", (e) => {
    e.preventDefault();
    document.body.classList.remove("dragging");
    const file = e.dataTransfer?.files[0];
    if (file) void open(file);
  });
  input.addEventListener("change", () => {
    const file = input.files?.[0];
    if (file) void open(file);
  });
}
