import { contract } from '../../contract/api';

export async function main(context: { data?: unknown; env?: string }) {
  const input = contract.hello.main.input.parse(context.data ?? {});
  return { greeting: `Hello, ${input.name ?? 'Taobao'}`, env: context.env ?? 'unknown' };
}
