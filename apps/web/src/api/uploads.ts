// Uploads a file (evidence of a fast-track answer) to the server; the answer is its address.
export interface Uploaded {
  readonly url: string;
}

export async function uploadAttachment(caseId: string, file: File): Promise<Uploaded> {
  const res = await fetch(
    `/api/attachments?caseId=${encodeURIComponent(caseId)}&name=${encodeURIComponent(file.name)}`,
    {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': file.type || 'application/octet-stream' },
      body: file,
    },
  );
  const body = (await res.json().catch(() => null)) as {
    url?: string;
    message?: string;
    error?: { message?: string };
  } | null;
  if (!res.ok || !body?.url) {
    throw Object.assign(new Error(body?.message ?? body?.error?.message ?? `HTTP ${res.status}`), {
      data: { code: res.status === 404 ? 'NOT_FOUND' : res.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST' },
    });
  }
  return { url: body.url };
}
