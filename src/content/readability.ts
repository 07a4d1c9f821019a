// Readability of a page as families read it: the text of the rendered Markdown (headings, list
// items and table cells each count as a sentence), scored with the Flesch reading ease formula.
import { flesch } from "flesch";
import type MarkdownIt from "markdown-it";
import { syllable } from "syllable";

export interface Readability {
  words: number;
  sentences: number;
  syllables: number;
  /** Flesch reading ease: 60 to 70 is plain English, higher is easier. */
  readingEase: number;
}

const WORD = /[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*/g;

/** Each block of text (paragraph, heading, list item, cell) from the Markdown, as plain text. */
function textBlocks(md: MarkdownIt, markdown: string): string[] {
  return md
    .parse(markdown, {})
    .filter((token) => token.type === "inline")
    .map((token) =>
      (token.children ?? [])
        .filter((child) => child.type === "text" || child.type === "code_inline" || child.type === "softbreak")
        .map((child) => (child.type === "softbreak" ? " " : child.content))
        .join(""),
    );
}

export function readability(md: MarkdownIt, markdown: string): Readability {
  let words = 0;
  let sentences = 0;
  let syllables = 0;
  for (const block of textBlocks(md, markdown)) {
    const blockWords = block.match(WORD) ?? [];
    if (blockWords.length === 0) continue;
    words += blockWords.length;
    syllables += blockWords.reduce((total, word) => total + (/^\d+$/.test(word) ? 1 : syllable(word)), 0);
    // A block is at least one sentence; full stops, question marks and exclamation marks add more.
    sentences += Math.max(1, block.split(/[.!?]+(?:\s|$)/).filter((part) => /[A-Za-z0-9]/.test(part)).length);
  }
  const readingEase = words === 0 ? 0 : flesch({ sentence: sentences, word: words, syllable: syllables });
  return { words, sentences, syllables, readingEase: Math.round(readingEase * 10) / 10 };
}

export type ReviewStatus = "reviewed" | "due soon" | "overdue";

/** Pages are reviewed at least yearly: reviewDue if given, else a year after lastReviewed. */
export function reviewStatus(lastReviewed: string, reviewDue: string | undefined, today: string): { status: ReviewStatus; due: string } {
  const due = reviewDue ?? `${Number(lastReviewed.slice(0, 4)) + 1}${lastReviewed.slice(4)}`;
  const soon = new Date(`${today}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + 30);
  if (due < today) return { status: "overdue", due };
  if (due <= soon.toISOString().slice(0, 10)) return { status: "due soon", due };
  return { status: "reviewed", due };
}
